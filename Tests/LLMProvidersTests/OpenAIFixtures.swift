/// OpenAI Chat Completions wire-format bodies and stream chunks.
enum OpenAIFixtures {
    static func completion(_ text: String, finish: String = "stop") -> String {
        """
        {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"test-model-0613",\
        "choices":[{"index":0,"message":{"role":"assistant","content":\(jsonString(text))},"finish_reason":"\(finish)"}],\
        "usage":{"prompt_tokens":12,"completion_tokens":5,"total_tokens":17}}
        """
    }

    static func chunk(_ content: String?, finish: String? = nil) -> String {
        let delta = content.map { "{\"content\":\(jsonString($0))}" } ?? "{}"
        let fin = finish.map { "\"\($0)\"" } ?? "null"
        return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"test-model-0613\",\"choices\":[{\"index\":0,\"delta\":\(delta),\"finish_reason\":\(fin)}],\"usage\":null}\n\n"
    }

    static let usageChunk =
        "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"test-model-0613\",\"choices\":[],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":3,\"total_tokens\":23}}\n\n"

    static func error(_ message: String, type: String) -> String {
        "{\"error\":{\"message\":\(jsonString(message)),\"type\":\"\(type)\",\"param\":null,\"code\":null}}"
    }
}
