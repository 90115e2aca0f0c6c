package web_test

import (
	"context"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/dashboard/web"
	"github.com/salesanalytics/salesanalytics/engine/embedded"
	"github.com/salesanalytics/salesanalytics/engine/snowflake"
	"github.com/salesanalytics/salesanalytics/internal/snowfake"
	"github.com/salesanalytics/salesanalytics/pipeline/pipelinetest"
)

func TestMain(m *testing.M) {
	for k, v := range snowfake.DriverEnv {
		os.Setenv(k, v)
	}
	os.Exit(m.Run())
}

// volatile matches what differs between two servers of the same data: the
// form token and the freshness line (each warehouse's own refresh time).
var volatile = regexp.MustCompile(`name="csrf" value="[^"]*"|<time>[^<]*</time>`)

// TestSnowflakeServesTheSamePages sets the same small warehouse up on the
// Snowflake engine — the real gosnowflake driver against the loopback Snowflake
// — and on the embedded engine, and requires every page to be the same page.
func TestSnowflakeServesTheSamePages(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	const scale = 0.02
	o := pipelinetest.Default()
	o.Data.Scale, o.Now = scale, demoNow

	duck, err := embedded.Open(ctx, embedded.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { duck.Close() })
	fake, err := snowfake.New(ctx, duck.DB(), snowfake.Options{User: "user", Password: "pass", Now: demoNow})
	require.NoError(t, err)
	srv := httptest.NewServer(fake)
	t.Cleanup(func() { srv.Close(); fake.Close() })
	sf, err := snowflake.Open(ctx, snowflake.Options{DSN: snowfake.DSN(srv.Listener.Addr().String(), "SALES_ANALYTICS_DB"), BatchRows: 500})
	require.NoError(t, err)
	t.Cleanup(func() { sf.Close() })
	_, err = pipelinetest.Setup(ctx, sf, o)
	require.NoError(t, err)

	emb, err := embedded.Open(ctx, embedded.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { emb.Close() })
	_, err = pipelinetest.Setup(ctx, emb, o)
	require.NoError(t, err)

	serve := func(d *dashboard.Dashboard) http.Handler {
		h, err := web.New(web.ForDashboard(d, web.Options{}))
		require.NoError(t, err)
		return h
	}
	sd, err := dashboard.New(sf.DB(), sf.Dialect(), dashboard.Options{Now: demoNow})
	require.NoError(t, err)
	ed, err := dashboard.New(emb.DB(), emb.Dialect(), dashboard.Options{Now: demoNow})
	require.NoError(t, err)
	onSnowflake, onEmbedded := serve(sd), serve(ed)

	for _, target := range []string{
		"/executive", "/executive?region=West&compare=year", "/regional?region=North",
		"/product?category=TOYS", "/reps", "/customers?segment=SMB",
		"/export/reps/leaderboard.csv", "/executive?region=Mars",
		"/product?product=19", "/customers?customer=26", "/export/customers/customer_orders.csv?customer=26",
	} {
		a, b := httptest.NewRecorder(), httptest.NewRecorder()
		onSnowflake.ServeHTTP(a, localRequest(http.MethodGet, target, nil))
		onEmbedded.ServeHTTP(b, localRequest(http.MethodGet, target, nil))
		require.Equal(t, b.Code, a.Code, target)
		require.Equal(t, volatile.ReplaceAllString(b.Body.String(), ""), volatile.ReplaceAllString(a.Body.String(), ""), target)
		if strings.Contains(target, "customer=") || strings.Contains(target, "product=") {
			require.Equal(t, http.StatusOK, a.Code, target)
			require.Regexp(t, `(data-table="(product_months|customer_orders)"[\s\S]*<td)|\Adate,order_id,`, a.Body.String(), "%s: the drill's rows", target)
		}
	}
	// The customer search binds its text with LIKE's escape, which must parse
	// on Snowflake as on DuckDB (a backslash would not close a Snowflake string).
	for _, text := range []string{"an", "26", "50%_"} {
		want, err := ed.FindCustomers(context.Background(), text, 10)
		require.NoError(t, err, text)
		got, err := sd.FindCustomers(context.Background(), text, 10)
		require.NoError(t, err, text)
		require.Equal(t, want, got, text)
		if text != "50%_" {
			require.NotEmpty(t, got, text)
		}
	}
	// A -customer name resolves the same on both: a whole name to its id, a
	// part of names to the same list and the honest count (Go over RAW).
	var id int64
	var name string
	require.NoError(t, emb.DB().QueryRow(`SELECT c.CUSTOMER_ID, c.CUSTOMER_NAME FROM RAW.CUSTOMERS c
		WHERE EXISTS (SELECT 1 FROM RAW.ORDERS o WHERE o.CUSTOMER_ID = c.CUSTOMER_ID) ORDER BY c.CUSTOMER_ID LIMIT 1`).Scan(&id, &name))
	var part int
	require.NoError(t, emb.DB().QueryRow(`SELECT COUNT(DISTINCT c.CUSTOMER_ID) FROM RAW.CUSTOMERS c
		JOIN RAW.ORDERS o ON o.CUSTOMER_ID = c.CUSTOMER_ID WHERE CONTAINS(LOWER(c.CUSTOMER_NAME), 'an')`).Scan(&part))
	for _, d := range []*dashboard.Dashboard{ed, sd} {
		f, err := resolveCustomer(d, strings.ToUpper(name))
		require.NoError(t, err)
		require.Equal(t, []int64{id}, f.Customers)
		_, err = resolveCustomer(d, "an")
		var ne *dashboard.NameError
		require.ErrorAs(t, err, &ne)
		require.Equal(t, part, len(ne.Matches)+ne.More, "every customer whose name holds an")
	}
	_, onE := resolveCustomer(ed, "an")
	_, onS := resolveCustomer(sd, "an")
	require.Equal(t, onE.Error(), onS.Error())
}

// resolveCustomer resolves -customer name over d as the programs do.
func resolveCustomer(d *dashboard.Dashboard, name string) (dashboard.Filter, error) {
	var ff dashboard.FilterFlags
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	ff.Bind(fs)
	if err := fs.Parse([]string{"-customer", name}); err != nil {
		return dashboard.Filter{}, err
	}
	return ff.Resolve(context.Background(), d, demoNow())
}
