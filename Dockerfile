# vmvc bot image: `docker build -t vmvc .` (docker-compose.yml builds it for you).
FROM node:20-slim

WORKDIR /app
ENV NODE_ENV=production \
    PORT=3978 \
    PLAYGROUND=off

# Dependencies first, so a code change does not reinstall them. tsx runs the TypeScript
# sources directly (`npm start`), so there is no build step.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

COPY tsconfig.json ./
COPY src ./src
COPY knowledge ./knowledge

# The default STATE_URL (sqlite:./data/vmvc.db) writes here; with Redis nothing is written.
RUN mkdir -p /app/data && chown node:node /app/data
USER node

EXPOSE 3978
# /healthz answers 200 when the server and its state store are fine, 503 when the store is unreachable.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

CMD ["npm", "start"]
