package engine_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/engine"
	_ "github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/engine/snowflake"
)

func TestOpenByName(t *testing.T) {
	ctx := context.Background()
	for _, name := range []string{"", "embedded", " DuckDB "} {
		eng, err := engine.Open(ctx, engine.Config{Name: name})
		require.NoError(t, err, name)
		require.Equal(t, dialect.DuckDB, eng.Dialect())
		require.NoError(t, eng.Close())
	}

	_, err := engine.Open(ctx, engine.Config{Name: "postgres"})
	require.ErrorIs(t, err, engine.ErrUnknownEngine)
	require.ErrorContains(t, err, "duckdb, embedded, snowflake")

	_, err = engine.Open(ctx, engine.Config{Name: "snowflake"})
	require.True(t, errors.Is(err, snowflake.ErrOpen), "%v", err)
	require.ErrorContains(t, err, "DSN")
}

func TestRegisterTwicePanics(t *testing.T) {
	require.Panics(t, func() {
		engine.Register(func(context.Context, engine.Config) (engine.Engine, error) { return nil, nil }, "Embedded")
	})
}
