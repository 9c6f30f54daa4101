/// The OpenAPI 3.0 description served at `/openapi.yaml`. Kept beside the routes it describes.
enum OpenAPIDocument {
    static let yaml = """
        openapi: 3.0.3
        info:
          title: FaultMaven query port
          version: "1"
          description: Local troubleshooting API of the FaultMaven agent. JSON bodies use snake_case; times are RFC 3339 UTC.
        paths:
          /healthz:
            get: {summary: Liveness, responses: {"200": {description: ok}}}
          /readyz:
            get: {summary: Readiness (sources started), responses: {"200": {description: ready}, "503": {description: starting}}}
          /metrics:
            get: {summary: Prometheus metrics, responses: {"200": {description: text exposition format 0.0.4}}}
          /api/query:
            post:
              summary: Ask a question and/or send logs and metrics; answered from the live analysis.
              parameters: [{name: X-Session-ID, in: header, required: false, schema: {type: string}}]
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        query: {type: string}
                        logs: {type: array, items: {type: string}}
                        metrics: {type: object, additionalProperties: {type: number}}
                        user_id: {type: string}
              responses:
                "200":
                  description: Answer. The session id is in the body and the X-Session-ID header.
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/QueryResponse"}
                "400": {$ref: "#/components/responses/Error"}
                "503": {$ref: "#/components/responses/Error"}
          /api/data:
            post:
              summary: "Submit data to the session: log text, an uploaded file, or a URL the agent fetches. Answered with an immediate summary; the data is kept in the session for later questions."
              description: "A multipart upload (as `curl -F file=@app.log` sends) or a JSON object. Binary content is refused (415). A URL must be http or https; every hop (up to 5 redirects) is resolved and checked: loopback and private networks are refused unless allow_private_urls is set, link-local (cloud metadata), unspecified and multicast addresses always. HTML is reduced to its text."
              parameters: [{name: X-Session-ID, in: header, required: false, schema: {type: string}}]
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      oneOf:
                        - {$ref: "#/components/schemas/TextData"}
                        - {$ref: "#/components/schemas/URLData"}
                  multipart/form-data:
                    schema:
                      type: object
                      required: [file]
                      additionalProperties: false
                      properties:
                        file: {type: string, format: binary, description: "The log file; its file name becomes the item's name unless 'name' is given."}
                        name: {type: string}
                        session_id: {type: string}
                        type: {type: string, enum: [file]}
              responses:
                "200":
                  description: The data's summary. The session id is in the body and the X-Session-ID header.
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/DataResponse"}
                "400": {$ref: "#/components/responses/Error"}
                "403": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
                "413": {$ref: "#/components/responses/Error"}
                "415": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
                "502": {$ref: "#/components/responses/Error"}
                "503": {$ref: "#/components/responses/Error"}
                "504": {$ref: "#/components/responses/Error"}
          /api/feedback:
            post:
              summary: "The engineer's verdict on a recommendation: a rejected one is never offered again in the session; an accepted one becomes a past case."
              parameters: [{name: X-Session-ID, in: header, required: false, schema: {type: string}}]
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      required: [recommendation_id, verdict]
                      properties:
                        recommendation_id: {type: string}
                        verdict: {type: string, enum: [accept, reject]}
                        comment: {type: string}
                        session_id: {type: string}
              responses:
                "200":
                  description: The verdict as recorded.
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          session_id: {type: string}
                          recommendation_id: {type: string}
                          recommendation: {type: string}
                          verdict: {type: string, enum: [accept, reject]}
                          comment: {type: string}
                          past_case: {$ref: "#/components/schemas/PastCase"}
                "400": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
          /api/sessions:
            post: {summary: New session, responses: {"201": {description: the session}}}
          /api/sessions/{id}:
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            get: {summary: A session with its turns and data, responses: {"200": {description: the session}, "404": {$ref: "#/components/responses/Error"}}}
            delete: {summary: End a session, responses: {"204": {description: deleted}, "404": {$ref: "#/components/responses/Error"}}}
          /api/anomalies:
            get:
              summary: Anomalies, newest last
              parameters: [{name: since, in: query, required: false, schema: {type: string}, description: RFC 3339 time or a duration back from now (15m)}]
              responses: {"200": {description: "{anomalies: [...]}"}, "400": {$ref: "#/components/responses/Error"}}
          /api/incidents:
            get:
              summary: Incidents kept in the state database (this run and earlier ones), newest first
              parameters: [{name: limit, in: query, required: false, schema: {type: integer}}]
              responses: {"200": {description: "{incidents: [{id, start, end, summary, root_causes, next_steps, anomalies, updated_at}]}"}}
          /api/incidents/{id}:
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            get: {summary: "One incident: a live one ({incident, anomalies, summary?}) or a stored one by its stored id ({incident, stored: true})", responses: {"200": {description: the incident}, "404": {$ref: "#/components/responses/Error"}}}
          /api/templates:
            get:
              summary: Mined message templates, most frequent first
              parameters: [{name: limit, in: query, required: false, schema: {type: integer}}]
              responses: {"200": {description: "{templates: [...]}"}}
          /api/status:
            get: {summary: Agent status and per-source statistics, responses: {"200": {description: status}}}
        components:
          responses:
            Error:
              description: Error
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      error: {type: object, properties: {code: {type: string}, message: {type: string}}}
          schemas:
            TextData:
              type: object
              description: Log text (pasted, or a file's content).
              required: [type, content]
              additionalProperties: false
              properties:
                type: {type: string, enum: [text, file]}
                content: {type: string, minLength: 1}
                name: {type: string, description: "The item's name in the session (default: the type)."}
                session_id: {type: string}
            URLData:
              type: object
              description: "A document the agent fetches (url_fetch_timeout, url_max_bytes, allow_private_urls in <faultmaven>)."
              required: [type, url]
              additionalProperties: false
              properties:
                type: {type: string, enum: [url]}
                url: {type: string, description: An absolute http or https URL.}
                name: {type: string, description: "The item's name in the session (default: the URL without credentials)."}
                session_id: {type: string}
            DataResponse:
              type: object
              required: [session_id, type, name, summary, insights]
              properties:
                session_id: {type: string}
                type: {type: string, enum: [text, file, url]}
                name: {type: string}
                summary: {type: string}
                insights: {type: object, description: "The data's digest: lines, events, levels, error_samples, templates, anomalies."}
            QueryResponse:
              type: object
              properties:
                session_id: {type: string}
                response: {type: string}
                recommendations: {type: array, items: {type: string}}
                recommendation_ids: {type: array, items: {type: string}}
                root_causes: {type: array, items: {type: object}}
                past_cases: {type: array, items: {$ref: "#/components/schemas/PastCase"}}
                anomalies: {type: array, items: {type: object}}
                insights: {type: array, items: {type: object}}
                provider: {type: string, description: "builtin, or the configured LLM provider when it answered"}
                model: {type: string, description: "the model that answered, when one did"}
                fallback_reason: {type: string, description: "why the configured LLM did not answer (the built-in knowledge base did)"}
                raw_llm_response: {type: string, nullable: true}
            PastCase:
              type: object
              description: An accepted recommendation kept with the incident it solved.
              properties:
                recommendation_id: {type: string}
                recommendation: {type: string}
                incident_summary: {type: string}
                templates: {type: array, items: {type: string}}
                session_id: {type: string}
                created_at: {type: string, format: date-time}
                score: {type: number, description: "template similarity to the current context, 0..1"}
        """
}
