/// The OpenAPI 3.0 description served at `/openapi.yaml`. Kept beside the routes it describes and
/// accurate enough to fuzz from: `scripts/fuzz-api.sh` checks every status and body against it.
enum OpenAPIDocument {
    static let yaml = """
        openapi: 3.0.3
        info:
          title: FaultMaven query port
          version: "1"
          description: >-
            Local troubleshooting API of the FaultMaven agent. JSON bodies use snake_case; times are RFC 3339 UTC.
            Every error is answered as {"error": {"code", "message"}}.
        paths:
          /healthz:
            get:
              summary: Liveness
              responses:
                "200": {$ref: "#/components/responses/Text"}
          /readyz:
            get:
              summary: Readiness (sources started)
              responses:
                "200": {$ref: "#/components/responses/Text"}
                "503": {$ref: "#/components/responses/Text"}
          /metrics:
            get:
              summary: Prometheus metrics (text exposition format 0.0.4)
              responses:
                "200": {$ref: "#/components/responses/Text"}
          /openapi.yaml:
            get:
              summary: This document
              responses:
                "200":
                  description: OpenAPI 3.0 YAML
                  content:
                    application/yaml:
                      schema: {type: string}
          /api/query:
            post:
              operationId: query
              summary: Ask a question and/or send logs and metrics; answered from the live analysis.
              description: At least one of query, logs or metrics must be non-empty.
              parameters: [{$ref: "#/components/parameters/SessionHeader"}]
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        query: {type: string, nullable: true}
                        logs: {type: array, items: {type: string}, nullable: true}
                        metrics: {type: object, additionalProperties: {type: number}, nullable: true}
                        user_id: {type: string, nullable: true}
                        session_id: {type: string, nullable: true, description: used when the X-Session-ID header is absent}
              responses:
                "200":
                  description: Answer. The session id is in the body and the X-Session-ID header.
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/QueryResponse"}
                  links:
                    GiveFeedback:
                      operationId: feedback
                      parameters: {header.X-Session-ID: "$response.body#/session_id"}
                      requestBody: {recommendation_id: "$response.body#/recommendation_ids/0"}
                    GetSession: {operationId: getSession, parameters: {path.id: "$response.body#/session_id"}}
                "400": {$ref: "#/components/responses/Error"}
                "413": {$ref: "#/components/responses/Error"}
                "503": {$ref: "#/components/responses/Error"}
          /api/data:
            post:
              operationId: submitData
              summary: "Submit data to the session: log text, an uploaded file, or a URL the agent fetches. Answered with an immediate summary; the data is kept in the session for later questions."
              description: "A multipart upload (as `curl -F file=@app.log` sends) or a JSON object. Binary content is refused (415). A URL must be http or https; every hop (up to 5 redirects) is resolved and checked: loopback and private networks are refused unless allow_private_urls is set, link-local (cloud metadata), unspecified and multicast addresses always. HTML is reduced to its text."
              parameters: [{$ref: "#/components/parameters/SessionHeader"}]
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
                  links:
                    Ask: {operationId: query, parameters: {header.X-Session-ID: "$response.body#/session_id"}}
                    GetSession: {operationId: getSession, parameters: {path.id: "$response.body#/session_id"}}
                "400": {$ref: "#/components/responses/Error"}
                "403": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
                "413": {$ref: "#/components/responses/Error"}
                "415": {$ref: "#/components/responses/Error"}
                "422": {$ref: "#/components/responses/Error"}
                "503": {$ref: "#/components/responses/Error"}
          /api/feedback:
            post:
              operationId: feedback
              summary: "The engineer's verdict on a recommendation: a rejected one is never offered again in the session; an accepted one becomes a past case."
              parameters: [{$ref: "#/components/parameters/SessionHeader"}]
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [recommendation_id, verdict]
                      properties:
                        recommendation_id: {type: string}
                        verdict: {type: string, enum: [accept, reject]}
                        comment: {type: string, nullable: true}
                        session_id: {type: string, nullable: true}
              responses:
                "200":
                  description: The verdict as recorded.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [session_id, recommendation_id, recommendation, verdict]
                        properties:
                          session_id: {type: string}
                          recommendation_id: {type: string}
                          recommendation: {type: string}
                          verdict: {type: string, enum: [accept, reject]}
                          comment: {type: string}
                          past_case: {$ref: "#/components/schemas/PastCase"}
                  links:
                    AskAgain: {operationId: query, parameters: {header.X-Session-ID: "$response.body#/session_id"}}
                "400": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
                "413": {$ref: "#/components/responses/Error"}
                "503": {$ref: "#/components/responses/Error"}
          /api/sessions:
            post:
              operationId: createSession
              summary: New session
              responses:
                "201":
                  description: the session
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Session"}
                  links:
                    GetSession: {operationId: getSession, parameters: {path.id: "$response.body#/session_id"}}
                    DeleteSession: {operationId: deleteSession, parameters: {path.id: "$response.body#/session_id"}}
                    Ask: {operationId: query, parameters: {header.X-Session-ID: "$response.body#/session_id"}}
                "503": {$ref: "#/components/responses/Error"}
          /api/sessions/{id}:
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            get:
              operationId: getSession
              summary: A session with its turns and data
              responses:
                "200":
                  description: the session
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Session"}
                "404": {$ref: "#/components/responses/Error"}
                "503": {$ref: "#/components/responses/Error"}
            delete:
              operationId: deleteSession
              summary: End a session
              responses:
                "204": {description: deleted}
                "404": {$ref: "#/components/responses/Error"}
                "503": {$ref: "#/components/responses/Error"}
          /api/anomalies:
            get:
              summary: Anomalies, newest last
              parameters: [{name: since, in: query, required: false, schema: {type: string}, description: RFC 3339 time or a duration back from now (15m)}]
              responses:
                "200":
                  description: the anomalies
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [anomalies]
                        properties:
                          anomalies: {type: array, items: {$ref: "#/components/schemas/Anomaly"}}
                "400": {$ref: "#/components/responses/Error"}
          /api/incidents:
            get:
              summary: Incidents kept in the state database (this run and earlier ones), newest first
              parameters: [{name: limit, in: query, required: false, schema: {type: integer}, description: "at most this many (default 50, clamped to 1...1000)"}]
              responses:
                "200":
                  description: the incidents
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [incidents]
                        properties:
                          incidents: {type: array, items: {$ref: "#/components/schemas/StoredIncident"}}
                "400": {$ref: "#/components/responses/Error"}
          /api/incidents/{id}:
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            get:
              summary: "One incident: a live one ({incident, anomalies, summary?}) or a stored one by its stored id ({incident, stored: true})"
              responses:
                "200":
                  description: the incident
                  content:
                    application/json:
                      schema:
                        oneOf:
                          - type: object
                            required: [incident, anomalies]
                            properties:
                              incident: {$ref: "#/components/schemas/Incident"}
                              anomalies: {type: array, items: {$ref: "#/components/schemas/Anomaly"}}
                              summary: {$ref: "#/components/schemas/IncidentSummary"}
                          - type: object
                            required: [incident, stored]
                            properties:
                              incident: {$ref: "#/components/schemas/StoredIncident"}
                              stored: {type: boolean, enum: [true]}
                "404": {$ref: "#/components/responses/Error"}
          /api/templates:
            get:
              summary: Mined message templates, most frequent first
              parameters: [{name: limit, in: query, required: false, schema: {type: integer}, description: "at most this many (default 100, clamped to 1...10000)"}]
              responses:
                "200":
                  description: the templates
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [templates]
                        properties:
                          templates:
                            type: array
                            items:
                              type: object
                              required: [id, template, count, level]
                              properties:
                                id: {type: integer}
                                template: {type: string}
                                count: {type: integer}
                                level: {type: string}
                                first_seen: {type: string, format: date-time}
                                last_seen: {type: string, format: date-time}
                                sources: {type: array, items: {type: string}}
                "400": {$ref: "#/components/responses/Error"}
          /api/status:
            get:
              summary: Agent status and per-source statistics
              responses:
                "200":
                  description: status
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [version, ready, uptime_seconds, provider, analysis]
                        properties:
                          version: {type: string}
                          ready: {type: boolean}
                          uptime_seconds: {type: number}
                          provider: {type: string}
                          analysis:
                            type: object
                            required: [sources, open_anomalies, recent_incidents, counters]
                            properties:
                              time: {type: string, format: date-time}
                              sources: {type: array, items: {type: object}}
                              open_anomalies: {type: array, items: {$ref: "#/components/schemas/Anomaly"}}
                              recent_incidents: {type: array, items: {$ref: "#/components/schemas/Incident"}}
                              counters: {type: object}
        components:
          parameters:
            SessionHeader:
              name: X-Session-ID
              in: header
              required: false
              description: The session to continue; an unknown, expired or malformed id starts a new session.
              schema: {type: string}
          responses:
            Text:
              description: plain text
              content:
                text/plain:
                  schema: {type: string}
            Error:
              description: An error, in the API's one error shape.
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/Error"}
          schemas:
            TextData:
              type: object
              description: Log text (pasted, or a file's content).
              required: [type, content]
              additionalProperties: false
              properties:
                type: {type: string, enum: [text, file]}
                content: {type: string, minLength: 1}
                name: {type: string, nullable: true, description: "The item's name in the session (default: the type)."}
                session_id: {type: string, nullable: true}
            URLData:
              type: object
              description: "A document the agent fetches (url_fetch_timeout, url_max_bytes, allow_private_urls in <faultmaven>)."
              required: [type, url]
              additionalProperties: false
              properties:
                type: {type: string, enum: [url]}
                url: {type: string, description: An absolute http or https URL.}
                name: {type: string, nullable: true, description: "The item's name in the session (default: the URL without credentials)."}
                session_id: {type: string, nullable: true}
            DataResponse:
              type: object
              required: [session_id, type, name, summary, insights]
              properties:
                session_id: {type: string}
                type: {type: string, enum: [text, file, url]}
                name: {type: string}
                summary: {type: string}
                insights: {$ref: "#/components/schemas/LogDigest"}
            Error:
              type: object
              required: [error]
              properties:
                error:
                  type: object
                  required: [code, message]
                  properties:
                    code: {type: string, enum: [bad_request, not_found, too_large, unsupported_media_type, url_refused, no_text, fetch_failed, upstream_status, upstream_timeout, unavailable, internal]}
                    message: {type: string}
            QueryResponse:
              type: object
              required: [session_id, response, recommendations, recommendation_ids, root_causes, past_cases, anomalies, insights, provider, raw_llm_response]
              properties:
                session_id: {type: string}
                response: {type: string}
                recommendations: {type: array, items: {type: string}}
                recommendation_ids: {type: array, items: {type: string}}
                root_causes: {type: array, items: {$ref: "#/components/schemas/RootCause"}}
                past_cases: {type: array, items: {$ref: "#/components/schemas/PastCase"}}
                anomalies: {type: array, items: {$ref: "#/components/schemas/Anomaly"}}
                insights: {type: array, items: {$ref: "#/components/schemas/LogDigest"}}
                provider: {type: string, description: "builtin, or the configured LLM provider when it answered"}
                model: {type: string, description: "the model that answered, when one did"}
                fallback_reason: {type: string, description: "why the configured LLM did not answer (the built-in knowledge base did)"}
                raw_llm_response: {type: string, nullable: true}
            RootCause:
              type: object
              required: [title, cause, confidence, evidence]
              properties:
                title: {type: string}
                cause: {type: string}
                confidence: {type: number}
                evidence: {type: array, items: {type: string}}
            PastCase:
              type: object
              description: An accepted recommendation kept with the incident it solved.
              required: [recommendation_id, recommendation, incident_summary, templates, created_at]
              properties:
                recommendation_id: {type: string}
                recommendation: {type: string}
                incident_summary: {type: string}
                templates: {type: array, items: {type: string}}
                session_id: {type: string}
                created_at: {type: string, format: date-time}
                score: {type: number, description: "template similarity to the current context, 0..1"}
            LogDigest:
              type: object
              required: [lines, events, levels, error_samples, templates, anomalies]
              properties:
                lines: {type: integer}
                events: {type: integer}
                levels: {type: object, additionalProperties: {type: integer}}
                error_samples: {type: array, items: {type: string}}
                templates:
                  type: array
                  items:
                    type: object
                    required: [template, count, level]
                    properties:
                      template: {type: string}
                      count: {type: integer}
                      level: {type: string}
                anomalies: {type: array, items: {$ref: "#/components/schemas/Anomaly"}}
            Anomaly:
              type: object
              required: [id, kind, source, start, end, detected_at, severity, score, evidence, samples, summary, open]
              properties:
                id: {type: string}
                kind: {type: string, enum: [error_rate, new_pattern, metric_shift, silence, volume]}
                source: {type: string}
                start: {type: string, format: date-time}
                end: {type: string, format: date-time}
                detected_at: {type: string, format: date-time}
                severity: {$ref: "#/components/schemas/Severity"}
                score: {type: number}
                template: {type: string}
                template_id: {type: integer}
                evidence: {type: object, additionalProperties: {type: string}}
                samples: {type: array, items: {type: string}}
                summary: {type: string}
                open: {type: boolean}
                incident_id: {type: string}
            Severity: {type: string, enum: [low, medium, high, critical]}
            Incident:
              type: object
              required: [id, start, end, anomalies, sources, kinds, severity, templates, samples]
              properties:
                id: {type: string}
                start: {type: string, format: date-time}
                end: {type: string, format: date-time}
                anomalies: {type: array, items: {type: string}}
                sources: {type: array, items: {type: string}}
                kinds: {type: array, items: {type: string}}
                severity: {$ref: "#/components/schemas/Severity"}
                templates: {type: array, items: {type: string}}
                samples:
                  type: array
                  items:
                    type: object
                    required: [source, time, level, text]
                    properties:
                      source: {type: string}
                      time: {type: string, format: date-time}
                      level: {type: string}
                      text: {type: string}
            StoredIncident:
              type: object
              required: [id, start, end, summary, root_causes, next_steps, anomalies, updated_at]
              properties:
                id: {type: string}
                start: {type: string, format: date-time}
                end: {type: string, format: date-time}
                summary: {type: string}
                root_causes: {type: array, items: {type: string}}
                next_steps: {type: array, items: {type: string}}
                anomalies: {type: array, items: {$ref: "#/components/schemas/Anomaly"}}
                updated_at: {type: string, format: date-time}
            IncidentSummary:
              type: object
              required: [text, provider, created_at]
              properties:
                text: {type: string}
                provider: {type: string}
                model: {type: string}
                created_at: {type: string, format: date-time}
            Session:
              type: object
              required: [session_id, created_at, last_active, turns, data, feedback]
              properties:
                session_id: {type: string}
                user_id: {type: string}
                created_at: {type: string, format: date-time}
                last_active: {type: string, format: date-time}
                turns:
                  type: array
                  items:
                    type: object
                    required: [at, question, answer, provider, recommendations]
                    properties:
                      at: {type: string, format: date-time}
                      question: {type: string}
                      answer: {type: string}
                      provider: {type: string}
                      recommendations:
                        type: array
                        items:
                          type: object
                          required: [id, text]
                          properties:
                            id: {type: string}
                            text: {type: string}
                data: {type: array, items: {$ref: "#/components/schemas/LogDigest"}}
                feedback:
                  type: array
                  items:
                    type: object
                    required: [recommendation_id, verdict, recommendation, at]
                    properties:
                      recommendation_id: {type: string}
                      verdict: {type: string, enum: [accept, reject]}
                      recommendation: {type: string}
                      comment: {type: string}
                      at: {type: string, format: date-time}
        """
}
