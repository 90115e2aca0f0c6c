package ident_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/internal/ident"
)

func TestValid(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		"FCT_ORDERS": true, "_x": true, "a$1": true, "total_revenue": true,
		"": false, "1x": false, "$x": false, `a"b`: false, "a b": false, "a;": false, "ä": false,
		strings.Repeat("a", 255): true, strings.Repeat("a", 256): false,
	} {
		require.Equal(t, want, ident.Valid(s), "%q", s)
	}
}
