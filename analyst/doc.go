// Package analyst is a client for Snowflake Cortex Analyst — natural-language
// questions answered with SQL over a semantic model — and a guard that lets only
// one read-only query of the answer run.
//
//	key, _ := analyst.ParsePrivateKey(pemBytes)
//	base, _ := analyst.AccountURL("myorg-myaccount")
//	c := &analyst.Client{BaseURL: base, Auth: &analyst.KeyPair{Account: "myorg-myaccount", User: "svc", Key: key}}
//	resp, err := c.Message(ctx, analyst.StagedModel("@SALES_ANALYTICS_DB.SEMANTIC.SEMANTIC_MODELS/sales_model.yaml",
//		"What was total revenue last month?"))
//	if sql, ok := resp.SQL(); ok {
//		res, err := analyst.Execute(ctx, eng, sql, analyst.ExecOptions{}) // eng: an engine, e.g. embedded
//	}
//
// # One interface for both analysts
//
// [Analyst] is what programs ask: Ask(ctx, history, question) returns an
// [Answer] — the sentence with the figures, the SQL, the typed result table,
// follow-up suggestions, or a decline with its reason. [Cortex] is this client
// as an Analyst (its SQL runs through [Execute]); package analyst/offline
// answers from the semantic model with no network. [Session] keeps a
// conversation's answers and sends them as history; [Answer.MarshalJSON] writes
// the one-object JSON form (decimals as strings, counts as numbers).
//
// # Streaming an answer
//
// An analyst that can show its answer as it forms is also a [Streamer]:
// AskStream answers as Ask does and meanwhile calls emit with each [Part] —
// a status ("Generating SQL"), the sentence in pieces, the SQL before it runs,
// the result table once it has run, the suggestions. [AskStream] streams from
// any Analyst, falling back to Ask and the finished answer's parts:
//
//	ans, err := analyst.AskStream(ctx, a, nil, "Revenue by region last quarter", func(p analyst.Part) error {
//		if p.Kind == analyst.PartText {
//			fmt.Print(p.Text) // the sentence grows
//		}
//		return nil // an error here stops the answer, query included
//	})
//
// [Cortex] passes Cortex Analyst's server-sent events on as they arrive, then
// emits the SQL, runs it and emits the result; the offline analyst emits what
// the question was read as, the SQL, the table once the query ran, then the
// figures. The text parts join to the answer's Text.
//
// # Cortex Agents
//
// [Agent] asks Cortex Agents instead (POST /api/v2/cortex/agent:run, or an
// agent object's run with [AgentObject]) and is an Analyst and a Streamer too.
// [AnalystAgent] configures a run whose one tool is Cortex Analyst over a
// semantic view; the SQL of the agent's last Cortex Analyst call runs through
// [Execute] exactly as [Cortex]'s does, so the figures are exact and local:
//
//	a := &analyst.Agent{Client: c, Base: analyst.AnalystAgent("sales_analyst", "DB.SEMANTIC.SALES_ANALYTICS", "WH"), Engine: eng}
//	ans, err := a.Ask(ctx, nil, "Revenue by region last quarter")
//
// The history goes back as user and assistant messages, or with Agent.Threads
// it stays in a server-side thread ([Client.CreateThread]). [Client.RunAgent]
// and [Client.StreamAgent] are the API itself: [AgentStream] yields the
// documented events (response.status, response.text.delta, response.tool_use,
// response.tool_result, …, response, error) and passes unknown ones on. Retries,
// bounds, typed errors and scrubbing are the same as Cortex Analyst's.
//
// # Requests
//
// A request names its semantic model in exactly one way: a staged file
// ([StagedModel]), an inline model marshalled from a semantic.Model
// ([InlineModel]), a semantic view ([View]), or several models ([Models],
// Request.SemanticModels), of which Cortex Analyst answers from the one it finds
// best: [Response.SelectedModel] says which, and a Cortex answer carries it as
// Answer.Model. [Response.VerifiedQueryUsed] names the verified query the SQL
// came from. [Conversation] keeps a multi-turn history and its alternation rule.
//
// # Answers
//
// [Client.Message] returns the whole answer; [Client.Stream] returns server-sent
// events as they arrive ([Stream.Events]) and assembles them into the same
// [Response] ([Stream.Wait]). Content types the package does not model are kept.
//
// # Reliability and errors
//
// 429 and 502/503/504 answers are retried with jittered exponential backoff,
// honouring Retry-After (capped at MaxBackoff) and the context. Errors are
// [*APIError] values carrying the status, code, error_code and request id,
// matched with errors.As. A cancelled or timed-out call, stream included,
// matches context.Canceled or context.DeadlineExceeded with errors.Is.
//
// # Security
//
//   - No credential the client holds — the PAT or OAuth token, every JWT it made
//     lately, the private key's material in its usual spellings — appears in an
//     error's text or an [*APIError]'s fields, wherever the server echoed it.
//   - No redirect is followed, also with a caller's http.Client: a 3xx answer is
//     an error matching [ErrRedirected], so a token never goes to another host,
//     port or scheme and a redirect target's body is never the answer.
//   - A token is sent only to an https BaseURL (plain http only to a loopback
//     host); [AccountURL] only yields hosts under snowflakecomputing.com.
//   - Bodies, events and whole streams are read up to bounds (MaxResponseBytes,
//     MaxStreamBytes; [*TooLargeError]), JSON nested deeper than [MaxJSONDepth]
//     is refused, and streamed deltas are assembled in linear time.
//   - The default transport bounds connecting and the wait for headers; a stream
//     lasts as long as its context and Client.RequestTimeout allow.
//
// # Auth
//
// [KeyPair] signs RS256 JWTs (claims and fingerprint as Snowflake documents them)
// and renews them before expiry; [OAuth] and [PAT] send a token as is. Each sends
// the matching X-Snowflake-Authorization-Token-Type.
//
// # Running the answer's SQL
//
// [Execute] runs the answer's SQL on an engine that implements
// [ReadOnlyRunner] (the embedded and the Snowflake engines do): first through
// [CheckReadOnly], which reads the SQL as that engine does and accepts one
// SELECT only, then through the engine's own check and confinement, with the
// row cap pushed into the engine and one timeout over the whole path. On
// Snowflake the guard also refuses procedures (named or anonymous WITH … AS
// PROCEDURE … CALL), IDENTIFIER() and TABLE('name'), qualified function calls
// (SNOWFLAKE.CORTEX.…, user functions), Cortex/AI functions (billed per row),
// sequences (.NEXTVAL), GENERATOR without a constant ROWCOUNT of at most
// [MaxGeneratorRows], time travel (AT, BEFORE, CHANGES), the SNOWFLAKE database
// and three-part names outside ExecOptions.Database ([DefaultDatabase]). The
// embedded engine accepts only what an allow-list over DuckDB's own parse
// allows and runs it in a limited worker process (see package engine/embedded).
//
// The package imports no database driver and builds with CGO_ENABLED=0.
package analyst
