package evalset_test

import (
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/internal/evalset"
	"github.com/salesanalytics/salesanalytics/pipeline/datagen"
)

// The third blind evaluation set, testdata/analyst/eval4: eval2's format,
// classes and rules, drafted apart from eval2, eval3 and the resolver, with a
// held-out slice of its own.
const (
	eval4Dir = "../../testdata/analyst/eval4"
	// eval4HeldOutSeed draws eval4's held-out slice (its heldout.txt).
	eval4HeldOutSeed uint64 = 20261208
)

func TestEval4SetIsValid(t *testing.T) { checkSetIsValid(t, eval4Dir) }

func TestEval4HeldOutFileIsTheSplit(t *testing.T) {
	checkHeldOutFileIsTheSplit(t, eval4Dir, eval4HeldOutSeed)
}

func TestEval4EveryAnswerIsPinned(t *testing.T) {
	checkEveryAnswerIsPinned(t, eval4Dir, eval4HeldOutSeed)
}

// TestEval4ExpectedAnswers computes eval4's answers on the scale-1 demo
// warehouse and pins them; -update rewrites them.
func TestEval4ExpectedAnswers(t *testing.T) { checkExpectedAnswers(t, eval4Dir) }

// TestEval4SharesEval2sCleaning: eval4's answers follow the very WITH clause
// eval2's do, which TestCleanMatchesStagingOnDirtyData checks against the
// marts on dirty data.
func TestEval4SharesEval2sCleaning(t *testing.T) {
	require.Equal(t, loadSet(t, setDir).Clean, loadSet(t, eval4Dir).Clean)
}

// eval4Rows is what TestEval4AnswersAgreeWithGeneratedRows sums over the
// generator's rows, in exact cents.
type eval4Rows struct {
	revenue2024, michigan2025, past30, monthly2024 datagen.Cents
	toyUnits2025, over3000in2024, outsideTexas2024 int64
	discounted2024, orders2024                     int64
	segments                                       map[string]map[int]datagen.Cents
	repRev                                         map[int]map[int64]datagen.Cents
	first                                          map[int64]time.Time
}

// sumEval4Rows walks the generator's orders (scale 1, default seed, clean).
func sumEval4Rows(t *testing.T, g *datagen.Generator, reps map[int64]datagen.Rep) eval4Rows {
	cats := map[int64]string{}
	for _, p := range g.Products() {
		cats[p.ID] = strings.ToUpper(strings.TrimSpace(p.Category))
	}
	custs := make([]datagen.Customer, g.NumCustomers())
	for i := range custs {
		custs[i] = g.Customer(int64(i))
	}
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	s := eval4Rows{
		segments: map[string]map[int]datagen.Cents{},
		repRev:   map[int]map[int64]datagen.Cents{2024: {}, 2025: {}},
		first:    map[int64]time.Time{},
	}
	for i := range g.NumOrders() {
		o := g.Order(i)
		require.Equal(t, datagen.RuleNone, o.Defect, "the demo data is clean")
		net, y, c := o.NetAmount(), o.OrderDate.Year(), custs[o.CustomerID-1]
		if f, ok := s.first[o.CustomerID]; !ok || o.OrderDate.Before(f) {
			s.first[o.CustomerID] = o.OrderDate
		}
		if s.segments[c.Segment] == nil {
			s.segments[c.Segment] = map[int]datagen.Cents{}
		}
		s.segments[c.Segment][y] += net
		s.repRev[y][o.RepID] += net
		if !o.OrderDate.Before(day(2025, 12, 2)) {
			s.past30 += net
		}
		switch {
		case y == 2025 && strings.TrimSpace(c.State) == "MI":
			s.michigan2025 += net
		case y == 2024:
			s.revenue2024 += net
			s.orders2024++
			if o.Discount > 0 {
				s.discounted2024++
			}
			if net > 3000_00 {
				s.over3000in2024++
			}
			if strings.TrimSpace(c.State) != "TX" {
				s.outsideTexas2024++
			}
		}
		if y == 2025 && cats[o.ProductID] == "TOYS" {
			s.toyUnits2025 += o.Quantity
		}
	}
	return s
}

// TestEval4AnswersAgreeWithGeneratedRows recomputes a sample of eval4's pinned
// answers in Go over the generator's rows (scale 1, default seed, clean), in
// exact cents: an oracle independent of the SQL and of the database.
func TestEval4AnswersAgreeWithGeneratedRows(t *testing.T) {
	g, err := datagen.New(datagen.DefaultConfig())
	require.NoError(t, err)
	reps := map[int64]datagen.Rep{}
	for _, r := range g.Reps() {
		reps[r.ID] = r
	}
	s := sumEval4Rows(t, g, reps)

	fsys := os.DirFS(eval4Dir)
	answer := func(family string) evalset.Answer {
		t.Helper()
		a, err := evalset.LoadAnswer(fsys, family)
		require.NoError(t, err)
		return a
	}
	value := func(family string) string { t.Helper(); return answer(family).Rows[0][0] }
	require.Equal(t, s.revenue2024.String(), value("mw-money-made-2024"))
	require.Equal(t, s.michigan2025.String(), value("ent-michigan-revenue-2025"))
	require.Equal(t, s.past30.String(), value("date-past-30-days-revenue"))
	require.Equal(t, s.toyUnits2025, mustInt(t, value("mw-units-shifted-toys-2025")))
	require.Equal(t, s.over3000in2024, mustInt(t, value("thr-orders-over-3000-2024")))
	require.Equal(t, s.outsideTexas2024, mustInt(t, value("neg-orders-outside-texas-2024")))
	require.Equal(t, s.revenue2024.Decimal().DivRound(decimal.NewFromInt(12), 2).StringFixed(2), value("pavg-monthly-revenue-2024"))
	require.Equal(t, decimal.NewFromInt(s.discounted2024*100).DivRound(decimal.NewFromInt(s.orders2024), 2).StringFixed(2),
		value("share-discounted-orders-2024"))

	var new2025 int64
	for _, d := range s.first {
		if d.Year() == 2025 {
			new2025++
		}
	}
	require.Equal(t, new2025, mustInt(t, value("new-customers-acquired-2025")))
	var beat int64
	for id, r := range reps {
		if s.repRev[2025][id] > r.AnnualQuota {
			beat++
		}
	}
	require.Equal(t, beat, mustInt(t, value("new-reps-beat-quota-2025")))

	change := answer("cmp-change-by-segment-2024-to-2025")
	require.Len(t, change.Rows, len(s.segments))
	for _, row := range change.Rows {
		require.Equal(t, (s.segments[row[0]][2025] - s.segments[row[0]][2024]).String(), row[1], row[0])
	}

	// The top rep of each region in 2024, regions in name order.
	best := map[string]int64{}
	for id, r := range reps {
		if b, ok := best[r.Region]; !ok || s.repRev[2024][id] > s.repRev[2024][b] {
			best[r.Region] = id
		}
	}
	regions := make([]string, 0, len(best))
	for region := range best {
		regions = append(regions, region)
	}
	sort.Strings(regions)
	top := answer("pgr-top-rep-per-region-2024")
	require.Len(t, top.Rows, len(regions))
	for i, row := range top.Rows {
		id := best[regions[i]]
		require.Equal(t, []string{regions[i], reps[id].Name, s.repRev[2024][id].String()}, row)
	}
}
