import fc from "fast-check";

/** Strings people (or attackers) type: injection, control characters, RTL, emoji, huge input. */
export const hostileSamples = [
  "<!channel> <!here> <@U123> <#C1|general> <https://evil.example|click>",
  "<script>alert(1)</script><img src=x onerror=alert(1)>",
  "**bold** _it_ `code` ~strike~ *x* > quote\n- bullet",
  "[click](javascript:alert(1)) ![x](http://evil.example/x.png)",
  '{"type":"Input.Text","id":"x"} {{ $root }} $' + "{process.env.SECRET}",
  "\u202Egnp.exe\u202C \u200F\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627",
  "\u0000\u0001\u0007\u001B[31mred\u001B[0m\r\n\t\u2028\u2029\uFEFF",
  "🚀🐳👩‍👩‍👧‍👦🏳️‍🌈 containers vs VMs? 🤔",
  "\uD800 lone surrogate \uDFFF",
  "&amp; &lt; &gt; &#x3C; &nbsp;",
  "/vmvc vmvc vmvc help",
  "a".repeat(100_000),
  " \t\n".repeat(20_000),
  "containers ".repeat(10_000),
];

/** Random text of every kind, plus the samples above, sometimes glued together. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.constantFrom(...hostileSamples),
  fc
    .tuple(fc.constantFrom(...hostileSamples), fc.string({ maxLength: 50 }))
    .map(([a, b]) => `${b}${a.slice(0, 2000)}${b}`),
  fc
    .tuple(
      fc.constantFrom("", "/vmvc ", "vmvc: ", "  /VMVC,"),
      fc.constantFrom("help", "ask", "compare", "topics", "myths", "checklist", "stats", "start"),
      fc.string({ maxLength: 40 }),
    )
    .map(([p, w, r]) => `${p}${w} ${r}`),
);
