import QueryServer
import Testing

@Suite struct HTMLTextTests {
    @Test func scriptsStylesAndHeadAreDroppedTagsRemovedEntitiesDecoded() {
        let html = """
            <!DOCTYPE html><html><head><title>Build 42</title><style>body { color: red }</style>
            <script>var secret = "do not show";</script></head>
            <body><h1>Build   42 &amp; deploy</h1><!-- a comment <p>hidden</p> -->
            <p>Status: <b>FAILED</b> &lt;exit 1&gt; &#8212; caf&eacute; &#x41;&nbsp;B &unknown; 5 &lt 6</p>
            <SCRIPT type="text/javascript">alert("<p>x</p>")</SCRIPT><div data-x="a>b">after</div>
            <pre>2026-03-02 ERROR db down
            2026-03-02 WARN  retry</pre><noscript>enable js</noscript></body></html>
            """
        let text = HTMLText.text(from: html)
        #expect(text == """
            Build 42 & deploy
            Status: FAILED <exit 1> — caf&eacute; A B &unknown; 5 &lt 6
            after
            2026-03-02 ERROR db down
            2026-03-02 WARN retry
            """)
    }

    @Test func unterminatedMarkupNeverFails() {
        #expect(HTMLText.text(from: "a < b and <script>never closed") == "a < b and")
        #expect(HTMLText.text(from: "<p>x<!-- open") == "x")
        #expect(HTMLText.text(from: "<div class=\"x") == "")
        #expect(HTMLText.text(from: "") == "")
        #expect(HTMLText.text(from: "&#0; &#xD800; &#99999999;") == "\u{FFFD} \u{FFFD} \u{FFFD}", "out of range: U+FFFD, as HTML5 decodes it")
    }
}

@Suite struct TextContentTests {
    @Test func binaryAndTextAreTold() {
        #expect(TextContent.isBinary([0x61, 0x00, 0x62]))
        #expect(TextContent.isBinary(Array(repeating: 0x01, count: 50) + Array("abc".utf8)))
        #expect(!TextContent.isBinary(Array("2026 \u{1B}[31mERROR\u{1B}[0m x\r\n\tat y\u{0C}".utf8)))
        #expect(!TextContent.isBinary([0xff, 0xfe, 0x61]), "invalid UTF-8 alone is not binary")
        #expect(TextContent.decode([0x61, 0xff, 0x62]) == "a\u{FFFD}b")
        #expect(TextContent.decode([0x63, 0x61, 0x66, 0xe9], charset: "ISO-8859-1") == "café")
        #expect(TextContent.decode([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) == nil)
    }
}
