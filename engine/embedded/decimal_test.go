package embedded_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/scan"
)

// DuckDB DECIMALs scan exactly, including sums no float64 could hold.
func TestDuckDBDecimalsScanExactly(t *testing.T) {
	t.Parallel()
	db := openMem(t).DB()
	require.Equal(t, "100000", sumDecimal(t, db, `SELECT SUM(0.10::DECIMAL(38,2)) FROM range(1000000)`).String())
	require.Equal(t, "123456789012345678901234567890223456.79",
		sumDecimal(t, db, `SELECT 123456789012345678901234567890123456.78::DECIMAL(38,2) + 100000.01::DECIMAL(38,2)`).String())
	require.Equal(t, "-12.34", sumDecimal(t, db, `SELECT -12.34::DECIMAL(38,10)`).String())

	var nd decimal.NullDecimal
	require.NoError(t, db.QueryRow(`SELECT NULL::DECIMAL(38,2)`).Scan(scan.NullDecimal(&nd)))
	require.False(t, nd.Valid)

	var d decimal.Decimal
	require.ErrorIs(t, db.QueryRow(`SELECT 0.1::DOUBLE`).Scan(scan.Decimal(&d)), scan.ErrInexact)
}
