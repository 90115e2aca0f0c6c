// Package snowfake is a loopback server that speaks the part of Snowflake's
// connector protocol the gosnowflake driver uses — login, query-request, session
// delete, telemetry — and answers with a real SQL engine behind it, so that the
// Snowflake dialect of this module runs end to end through the real driver on a
// machine without Snowflake.
//
// The engine is any database/sql handle to DuckDB (tests open one with package
// engine/embedded); each Snowflake session gets its own connection, so
// transactions behave. Before running a statement the server:
//
//   - maps Snowflake types to DuckDB's: NUMBER(p,s) to DECIMAL(p,s), NUMBER to
//     DECIMAL(38,0), TIMESTAMP_NTZ to TIMESTAMP_NS (nanoseconds, as Snowflake keeps), TIMESTAMP_LTZ and _TZ to
//     TIMESTAMPTZ, VARIANT to JSON;
//   - rewrites DATEADD(part, n, date) to a DuckDB macro, and every division
//     a / b to sf_div(a, b), a macro that divides NUMBERs exactly as Snowflake
//     does (scale max(s1, min(s1 + 6, 12)), half away from zero; an error on
//     zero). The operands are found by parsing the statement with Snowflake's
//     precedence (division.go), so the translation never changes what the SQL
//     means;
//   - answers CREATE DATABASE (an attached in-memory catalog), CREATE WAREHOUSE,
//     ROLE and USER, GRANT and USE itself;
//   - keeps stages as directories in a temporary folder: CREATE STAGE makes one,
//     PUT answers as Snowflake does for a LOCAL_FS stage (the driver then copies
//     the file itself, streams included), LIST @stage reads it back with name,
//     size, md5 and last_modified;
//   - refuses a request with more than one statement unless the client asked for
//     multi-statement execution (error 000008, as Snowflake), and refuses those
//     too: it does not implement them;
//   - keeps DYNAMIC TABLEs: CREATE builds the table and records its target lag,
//     warehouse, refresh mode, comment and query; ALTER DYNAMIC TABLE … REFRESH
//     re-runs the query (a full refresh, whatever the mode); SHOW DYNAMIC TABLES
//     lists them with data_timestamp set to the last refresh (there is no
//     background refresh: tests refresh on demand);
//   - answers SHOW VIEWS [LIKE …] IN SCHEMA from DuckDB's catalog, with each
//     view's COMMENT (COMMENT ON VIEW runs on DuckDB as it is);
//   - keeps SEMANTIC VIEWs: CREATE [OR REPLACE] SEMANTIC VIEW parses the statement
//     with package semantic's DDL parser (a broken one is a compilation error
//     naming line and column) and checks its base tables exist; SHOW SEMANTIC
//     VIEWS [LIKE …] [IN SCHEMA …] and SHOW SEMANTIC METRICS [LIKE …] IN view
//     answer with Snowflake's documented columns (no owners, and no inferred
//     data_type: those are NULL). Querying a semantic view is not implemented.
//
// Results are encoded as Snowflake's JSON result format encodes them (as the
// driver's own JSON decoding in gosnowflake's converter.go reads them): NUMBER as text with exactly its
// scale's digits, DATE as days since the epoch, TIMESTAMP as seconds with nine
// fraction digits, BOOLEAN as "1"/"0", NULL as null. Errors come back as Snowflake
// does, HTTP 200 with success false and a numeric code, which the driver turns
// into *gosnowflake.SnowflakeError.
//
// What it does not do: GET, multi-statement requests, async queries, Arrow
// results, FLOAT division (a DOUBLE operand of / is rounded to an integer), and
// Snowflake's result scale of a division (quotients are NUMBER(38,12); their
// values are Snowflake's). It is a test fixture, not an emulator.
//
// Use it from a test:
//
//	db := ... // a DuckDB *sql.DB
//	fake, err := snowfake.New(ctx, db, snowfake.Options{})
//	srv := httptest.NewServer(fake)
//	defer srv.Close()
//	dsn := snowfake.DSN(srv.Listener.Addr().String(), "SALES_ANALYTICS_DB")
//	sf, err := sql.Open("snowflake", dsn)
//
// and set SNOWFLAKE_DISABLE_PLATFORM_DETECTION and SF_DISABLE_MINICORE in the
// test binary (see [DriverEnv]).
package snowfake
