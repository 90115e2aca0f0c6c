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

// The fourth blind evaluation set, testdata/analyst/eval5: eval2's format,
// classes and rules, drafted apart from eval2, eval3, eval4 and the resolver,
// with a held-out slice of its own.
const (
	eval5Dir = "../../testdata/analyst/eval5"
	// eval5HeldOutSeed draws eval5's held-out slice (its heldout.txt).
	eval5HeldOutSeed uint64 = 20261209
)

func TestEval5SetIsValid(t *testing.T) { checkSetIsValid(t, eval5Dir) }

func TestEval5HeldOutFileIsTheSplit(t *testing.T) {
	checkHeldOutFileIsTheSplit(t, eval5Dir, eval5HeldOutSeed)
}

func TestEval5EveryAnswerIsPinned(t *testing.T) {
	checkEveryAnswerIsPinned(t, eval5Dir, eval5HeldOutSeed)
}

// TestEval5ExpectedAnswers computes eval5's answers on the scale-1 demo
// warehouse and pins them; -update rewrites them.
func TestEval5ExpectedAnswers(t *testing.T) { checkExpectedAnswers(t, eval5Dir) }

// TestEval5SharesEval2sCleaning: eval5's answers follow the very WITH clause
// eval2's do, which TestCleanMatchesStagingOnDirtyData checks against the
// marts on dirty data.
func TestEval5SharesEval2sCleaning(t *testing.T) {
	require.Equal(t, loadSet(t, setDir).Clean, loadSet(t, eval5Dir).Clean)
}

// eval5Rows is what TestEval5AnswersAgreeWithGeneratedRows sums over the
// generator's rows, in exact cents.
type eval5Rows struct {
	enterprise2025, discount2024, northCarolina2025, notElectronics2025 datagen.Cents
	under75in2024, week1215, revenue2025                                datagen.Cents
	beautyUnits2024, arizona2024, notOnline2024, over2000in2025         int64
	returned2024, orders2024                                            int64
	regions2025                                                         map[string]datagen.Cents
	repRev2024                                                          map[int64]datagen.Cents
	first                                                               map[int64]time.Time
}

// eval5Order is one generated order with the attributes the sums read, trimmed
// and cased as clean.sql reads them.
type eval5Order struct {
	o                                datagen.Order
	net, gross                       datagen.Cents
	segment, state, category, region string
}

// sumEval5Rows walks the generator's orders (scale 1, default seed, clean).
func sumEval5Rows(t *testing.T, g *datagen.Generator, reps map[int64]datagen.Rep) eval5Rows {
	cats := map[int64]string{}
	for _, p := range g.Products() {
		cats[p.ID] = strings.ToUpper(strings.TrimSpace(p.Category))
	}
	custs := make([]datagen.Customer, g.NumCustomers())
	for i := range custs {
		custs[i] = g.Customer(int64(i))
	}
	s := eval5Rows{
		regions2025: map[string]datagen.Cents{},
		repRev2024:  map[int64]datagen.Cents{},
		first:       map[int64]time.Time{},
	}
	for i := range g.NumOrders() {
		o := g.Order(i)
		require.Equal(t, datagen.RuleNone, o.Defect, "the demo data is clean")
		c := custs[o.CustomerID-1]
		s.add(eval5Order{
			o: o, net: o.NetAmount(), gross: datagen.Cents(o.Quantity) * o.UnitPrice,
			segment: strings.TrimSpace(c.Segment), state: strings.ToUpper(strings.TrimSpace(c.State)),
			category: cats[o.ProductID], region: strings.TrimSpace(reps[o.RepID].Region),
		})
	}
	return s
}

// add counts one order in the sums.
func (s *eval5Rows) add(e eval5Order) {
	o := e.o
	if f, ok := s.first[o.CustomerID]; !ok || o.OrderDate.Before(f) {
		s.first[o.CustomerID] = o.OrderDate
	}
	day := o.OrderDate.Format(time.DateOnly)
	if day >= "2025-12-15" && day <= "2025-12-21" {
		s.week1215 += e.net
	}
	switch o.OrderDate.Year() {
	case 2024:
		s.discount2024 += e.gross - e.net
		s.repRev2024[o.RepID] += e.net
		s.orders2024++
		if e.category == "BEAUTY" {
			s.beautyUnits2024 += o.Quantity
		}
		if e.state == "AZ" {
			s.arizona2024++
		}
		if strings.TrimSpace(o.Channel) != "Online" {
			s.notOnline2024++
		}
		if strings.TrimSpace(o.Status) == "Returned" {
			s.returned2024++
		}
		if e.net < 75_00 {
			s.under75in2024 += e.net
		}
	case 2025:
		s.revenue2025 += e.net
		s.regions2025[e.region] += e.net
		if e.segment == "Enterprise" {
			s.enterprise2025 += e.net
		}
		if e.state == "NC" {
			s.northCarolina2025 += e.net
		}
		if e.category != "ELECTRONICS" {
			s.notElectronics2025 += e.net
		}
		if e.net > 2000_00 {
			s.over2000in2025++
		}
	}
}

// percent2 is a ÷ b × 100 to two places, half away from zero (a, b ≥ 0).
func percent2(a, b int64) string {
	return decimal.NewFromInt(a*100).DivRound(decimal.NewFromInt(b), 2).StringFixed(2)
}

// TestEval5AnswersAgreeWithGeneratedRows recomputes a sample of eval5's pinned
// answers in Go over the generator's rows (scale 1, default seed, clean), in
// exact cents: an oracle independent of the SQL and of the database.
func TestEval5AnswersAgreeWithGeneratedRows(t *testing.T) {
	g, err := datagen.New(datagen.DefaultConfig())
	require.NoError(t, err)
	reps := map[int64]datagen.Rep{}
	for _, r := range g.Reps() {
		reps[r.ID] = r
	}
	s := sumEval5Rows(t, g, reps)

	fsys := os.DirFS(eval5Dir)
	answer := func(family string) evalset.Answer {
		t.Helper()
		a, err := evalset.LoadAnswer(fsys, family)
		require.NoError(t, err)
		return a
	}
	value := func(family string) string { t.Helper(); return answer(family).Rows[0][0] }
	require.Equal(t, s.enterprise2025.String(), value("mw-shelled-out-enterprise-2025"))
	require.Equal(t, s.discount2024.String(), value("mw-markdowns-2024"))
	require.Equal(t, s.beautyUnits2024, mustInt(t, value("mw-pieces-sold-beauty-2024")))
	require.Equal(t, s.northCarolina2025.String(), value("ent-north-carolina-revenue-2025"))
	require.Equal(t, s.arizona2024, mustInt(t, value("ent-arizona-orders-2024")))
	require.Equal(t, s.notElectronics2025.String(), value("neg-revenue-excluding-electronics-2025"))
	require.Equal(t, s.notOnline2024, mustInt(t, value("neg-orders-not-online-2024")))
	require.Equal(t, s.over2000in2025, mustInt(t, value("thr-orders-over-2000-2025")))
	require.Equal(t, s.under75in2024.String(), value("thr-revenue-small-orders-2024"))
	require.Equal(t, s.week1215.String(), value("date-week-of-dec-15-2025-revenue"))
	require.Equal(t, percent2(s.returned2024, s.orders2024), value("share-returned-orders-2024"))
	require.Equal(t, s.revenue2025.Decimal().DivRound(decimal.NewFromInt(4), 2).StringFixed(2), value("pavg-quarterly-revenue-2025"))

	var newH1 int64
	for _, d := range s.first {
		if d.Year() == 2025 && d.Month() <= time.June {
			newH1++
		}
	}
	require.Equal(t, newH1, mustInt(t, value("new-new-customers-h1-2025")))
	var missed int64
	var westQuota datagen.Cents
	for id, r := range reps {
		if s.repRev2024[id] < r.AnnualQuota {
			missed++
		}
		if strings.TrimSpace(r.Region) == "West" {
			westQuota += r.AnnualQuota
		}
	}
	require.Equal(t, missed, mustInt(t, value("new-reps-missed-quota-2024")))
	require.Equal(t, percent2(int64(s.regions2025["West"]), int64(westQuota)), value("new-west-attainment-2025"))

	// Revenue per region of 2025, regions in name order.
	regions := make([]string, 0, len(s.regions2025))
	for r := range s.regions2025 {
		regions = append(regions, r)
	}
	sort.Strings(regions)
	byRegion := answer("typo-revenue-by-region-2025")
	require.Len(t, byRegion.Rows, len(regions))
	for i, row := range byRegion.Rows {
		require.Equal(t, []string{regions[i], s.regions2025[regions[i]].String()}, row)
	}
}
