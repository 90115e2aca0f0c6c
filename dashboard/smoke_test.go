package dashboard_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
)

func TestSmoke(t *testing.T) {
	eng := shared(t)
	d := newDash(t, eng.DB(), dashboard.Options{})
	v, err := d.Executive(context.Background(), dashboard.Filter{From: date("2025-01-01"), To: date("2025-12-31")}, dashboard.ExecutiveOptions{})
	require.NoError(t, err)
	b, _ := json.MarshalIndent(v, "", " ")
	t.Log(string(b))
}
