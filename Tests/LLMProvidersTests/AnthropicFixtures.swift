/// Anthropic Messages wire-format bodies and stream events.
enum AnthropicFixtures {
    static func message(_ text: String) -> String {
        """
        {"id":"msg_1","type":"message","role":"assistant","model":"claude-test-1",\
        "content":[{"type":"text","text":\(jsonString(text))}],"stop_reason":"end_turn","stop_sequence":null,\
        "usage":{"input_tokens":30,"output_tokens":7}}
        """
    }

    static func event(_ type: String, _ json: String) -> String { "event: \(type)\ndata: \(json)\n\n" }

    static func stream(_ pieces: [String]) -> [String] {
        var events = [
            event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"claude-test-1\",\"stop_reason\":null,\"usage\":{\"input_tokens\":25,\"output_tokens\":1}}}"),
            event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"),
            event("ping", "{\"type\": \"ping\"}"),
        ]
        events += pieces.map {
            event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\(jsonString($0))}}")
        }
        events += [
            event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"),
            event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":15}}"),
            event("message_stop", "{\"type\":\"message_stop\"}"),
        ]
        return events
    }
}
