package snowflake

import (
	"context"
	"fmt"

	"github.com/snowflakedb/gosnowflake"

	"github.com/salesanalytics/salesanalytics/engine"
	"github.com/salesanalytics/salesanalytics/query"
)

var _ engine.ReadOnlyRunner = (*Engine)(nil)

// RunReadOnly runs analyst SQL ([analyst.Execute] calls it after its guard) as
// exactly one statement: the request says MULTI_STATEMENT_COUNT=1, so Snowflake
// itself refuses a text that holds more than one statement, whatever the
// account's default. It reads at most maxRows+1 rows and then stops, so the
// driver never holds more. The guard has already refused SYSTEM$ functions,
// stage references, RESULT_SCAN and the ->> flow operator.
//
// What a SELECT can read is the role's to decide: run analyst SQL under a role
// that can only read the marts (GRANT USAGE on the database, schema and
// warehouse, SELECT on the MARTS tables, nothing else: no stage, no OWNERSHIP, no
// EXECUTE TASK, no account privileges).
func (e *Engine) RunReadOnly(ctx context.Context, sqlText string, maxRows int) (*query.Result, error) {
	if maxRows <= 0 {
		return nil, fmt.Errorf("snowflake: RunReadOnly needs a positive row cap, got %d", maxRows)
	}
	one, err := gosnowflake.WithMultiStatement(ctx, 1)
	if err != nil {
		return nil, fmt.Errorf("snowflake: %w", err)
	}
	return query.RunSQL(one, e.db, sqlText, maxRows)
}
