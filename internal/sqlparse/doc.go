// Package sqlparse is the SQL lexer and expression parser shared by the model's
// checks (semantic), the compiler (query) and the analyst guard (analyst).
//
// [Lex] reads SQL as one engine does — pass the dialect — so that where a
// statement ends, what is a string and what is a comment are decided the way the
// engine will decide them:
//
//	DuckDB:    '…' has no backslash escape (E'…' has); /* */ comments nest;
//	           $$…$$ and $tag$…$tag$ are strings; -- comments end at \n or \r.
//	Snowflake: '…' has backslash escapes; // is a line comment too; $$…$$ is a
//	           string; ->> (the flow operator) is one token; /* */ do not nest.
//
// It runs in one pass, in time linear in the input, and refuses input over
// Options.MaxBytes ([ErrTooLarge]) or nested deeper than Options.MaxDepth
// ([ErrTooDeep]); where it cannot be sure how the engine reads a text it refuses
// rather than guesses.
//
//	toks, err := sqlparse.Lex(`SELECT '\'; DROP TABLE t; --'`, sqlparse.Options{Dialect: dialect.DuckDB})
//	// DuckDB: a string '\', then ; DROP TABLE t ; and a comment
//
// [ParseExpr] parses one model expression (Snowflake SQL, the semantic model's
// language) into a small AST ([Node]) with a nesting limit, cast targets from a
// type grammar only ([Type]: a known name and optional (p[,s]) — never a string
// or quoted identifier), and function names from a per-dialect allow-list
// ([Allowed]) unless Options.Functions says otherwise. Render string literals
// with [QuoteString], which escapes per dialect.
package sqlparse
