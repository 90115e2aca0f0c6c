package warehouse_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/internal/golden"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

func script(stmts []string) []byte {
	return []byte(strings.Join(stmts, ";\n\n") + ";\n")
}

func TestInfrastructureSQLGolden(t *testing.T) {
	t.Parallel()
	names := warehouse.DefaultNames()
	withRole := names
	withRole.Role, withRole.User = "ANALYST", "SVC_SALES"
	for _, d := range dialect.All() {
		golden.Check(t, filepath.Join("testdata", string(d), "infrastructure.sql"), script(warehouse.InfrastructureSQL(d, names)))
		var ddl []string
		for _, tbl := range warehouse.RawTables() {
			ddl = append(ddl, tbl.CreateSQL(d, names, true))
		}
		golden.Check(t, filepath.Join("testdata", string(d), "raw_tables.sql"), script(ddl))
	}
	golden.Check(t, filepath.Join("testdata", "snowflake", "infrastructure_role_user.sql"), script(warehouse.InfrastructureSQL(dialect.Snowflake, withRole)))
}

func TestInfrastructureIsIdempotentSQL(t *testing.T) {
	t.Parallel()
	for _, d := range dialect.All() {
		for _, stmt := range warehouse.InfrastructureSQL(d, warehouse.Names{}) {
			if strings.HasPrefix(stmt, "CREATE") {
				require.Contains(t, stmt, "IF NOT EXISTS", "%s: %s", d, stmt)
			}
		}
	}
}
