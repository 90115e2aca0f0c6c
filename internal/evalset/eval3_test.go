package evalset_test

import (
	"os"
	"sort"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/internal/evalset"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
)

// The second blind evaluation set, testdata/analyst/eval3: the same format,
// classes and rules as eval2, drafted apart from it (and from the resolver),
// with a held-out slice of its own.
const (
	eval3Dir = "../../testdata/analyst/eval3"
	// eval3HeldOutSeed draws eval3's held-out slice (its heldout.txt).
	eval3HeldOutSeed uint64 = 20261207
)

func TestEval3SetIsValid(t *testing.T) { checkSetIsValid(t, eval3Dir) }

func TestEval3HeldOutFileIsTheSplit(t *testing.T) {
	checkHeldOutFileIsTheSplit(t, eval3Dir, eval3HeldOutSeed)
}

func TestEval3EveryAnswerIsPinned(t *testing.T) {
	checkEveryAnswerIsPinned(t, eval3Dir, eval3HeldOutSeed)
}

// TestEval3ExpectedAnswers computes eval3's answers on the scale-1 demo
// warehouse and pins them; -update rewrites them.
func TestEval3ExpectedAnswers(t *testing.T) { checkExpectedAnswers(t, eval3Dir) }

// TestEval3SharesEval2sCleaning: eval3's answers follow the very WITH clause
// eval2's do, which TestCleanMatchesStagingOnDirtyData checks against the
// marts on dirty data.
func TestEval3SharesEval2sCleaning(t *testing.T) {
	require.Equal(t, loadSet(t, setDir).Clean, loadSet(t, eval3Dir).Clean)
}

// TestEval3AnswersAgreeWithGeneratedRows recomputes a sample of eval3's pinned
// answers in Go over the generator's rows (scale 1, default seed, clean), in
// exact cents: an oracle independent of the SQL and of the database.
func TestEval3AnswersAgreeWithGeneratedRows(t *testing.T) {
	g, err := datagen.New(datagen.DefaultConfig())
	require.NoError(t, err)
	reps := map[int64]datagen.Rep{}
	for _, r := range g.Reps() {
		reps[r.ID] = r
	}
	states := make([]string, g.NumCustomers())
	for i := range states {
		states[i] = g.Customer(int64(i)).State
	}
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	within := func(t, from, to time.Time) bool { return !t.Before(from) && !t.After(to) }

	var texas2025, notReturned2025, nov2025 datagen.Cents
	var over5000in2025, lastWeek, returned, orders int64
	regions2025 := map[string]datagen.Cents{}
	repRev := map[int][]datagen.Cents{2024: make([]datagen.Cents, len(reps)+1), 2025: make([]datagen.Cents, len(reps)+1)}
	first := map[int64]time.Time{}
	for i := range g.NumOrders() {
		o := g.Order(i)
		require.Equal(t, datagen.RuleNone, o.Defect, "the demo data is clean")
		net, y := o.NetAmount(), o.OrderDate.Year()
		orders++
		if o.Status == "Returned" {
			returned++
		}
		if f, ok := first[o.CustomerID]; !ok || o.OrderDate.Before(f) {
			first[o.CustomerID] = o.OrderDate
		}
		if within(o.OrderDate, day(2025, 12, 22), day(2025, 12, 28)) {
			lastWeek++
		}
		if o.OrderDate.Year() == 2025 && o.OrderDate.Month() == time.November {
			nov2025 += net
		}
		repRev[y][o.RepID] += net
		if y != 2025 {
			continue
		}
		regions2025[reps[o.RepID].Region] += net
		if states[o.CustomerID-1] == "TX" {
			texas2025 += net
		}
		if o.Status != "Returned" {
			notReturned2025 += net
		}
		if net > 5000_00 {
			over5000in2025++
		}
	}
	var newQ1, missed2024 int64
	for _, d := range first {
		if within(d, day(2025, 1, 1), day(2025, 3, 31)) {
			newQ1++
		}
	}
	var westQuota datagen.Cents
	for id, r := range reps {
		if repRev[2024][id] < r.AnnualQuota {
			missed2024++
		}
		if r.Region == "West" {
			westQuota += r.AnnualQuota
		}
	}

	fsys := os.DirFS(eval3Dir)
	answer := func(family string) evalset.Answer {
		t.Helper()
		a, err := evalset.LoadAnswer(fsys, family)
		require.NoError(t, err)
		return a
	}
	value := func(family string) string { t.Helper(); return answer(family).Rows[0][0] }
	require.Equal(t, texas2025.String(), value("ent-texas-revenue-2025"))
	require.Equal(t, notReturned2025.String(), value("neg-revenue-excluding-returns-2025"))
	require.Equal(t, over5000in2025, mustInt(t, value("thr-orders-over-5000-2025")))
	require.Equal(t, lastWeek, mustInt(t, value("date-last-week-orders")))
	require.Equal(t, newQ1, mustInt(t, value("new-customers-q1-2025")))
	require.Equal(t, missed2024, mustInt(t, value("new-reps-missed-quota-2024")))
	require.Equal(t, westQuota.String(), value("new-west-total-quota"))
	require.Equal(t, nov2025.Decimal().DivRound(decimal.NewFromInt(30), 2).StringFixed(2), value("avg-daily-revenue-nov-2025"))
	require.Equal(t, decimal.NewFromInt(returned*100).DivRound(decimal.NewFromInt(orders), 2).StringFixed(2), value("share-returned-orders"))

	byRegion := answer("mw-takings-by-region-2025")
	require.Len(t, byRegion.Rows, len(regions2025))
	for _, row := range byRegion.Rows {
		require.Equal(t, regions2025[row[0]].String(), row[1], row[0])
	}

	// The three reps with the most 2025 revenue, names and amounts in order.
	ids := make([]int64, 0, len(reps))
	for id := range reps {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return repRev[2025][ids[i]] > repRev[2025][ids[j]] })
	top := answer("num-three-best-reps-2025")
	require.Len(t, top.Rows, 3)
	for i, row := range top.Rows {
		require.Equal(t, []string{reps[ids[i]].Name, repRev[2025][ids[i]].String()}, row, "rank %d", i+1)
	}
}
