package evalset_test

import (
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/internal/evalset"
	"github.com/salesanalytics/salesanalytics/internal/golden"
)

// setDir is the evaluation set, relative to this package.
const setDir = "../../testdata/analyst/eval2"

// loadSet loads the evaluation set in dir.
func loadSet(tb testing.TB, dir string) *evalset.Set {
	tb.Helper()
	s, err := evalset.Load(os.DirFS(dir))
	require.NoError(tb, err)
	return s
}

func TestSetIsValid(t *testing.T) { checkSetIsValid(t, setDir) }

// checkSetIsValid checks the sizes of the set in dir: questions, declines,
// every class, unique entry ids.
func checkSetIsValid(t *testing.T, dir string) {
	s := loadSet(t, dir)
	entries := s.Entries()
	require.GreaterOrEqual(t, len(entries), evalset.MinQuestions)
	perClass, declines, ids := map[evalset.Class]int{}, 0, map[string]bool{}
	for _, e := range entries {
		require.False(t, ids[e.ID], "entry id %s twice", e.ID)
		ids[e.ID] = true
		perClass[e.Class]++
		if e.Decline != "" {
			declines++
		}
	}
	require.GreaterOrEqual(t, declines, evalset.MinDeclines)
	for _, c := range evalset.Classes() {
		require.Positive(t, perClass[c], "class %s", c)
		t.Logf("%-16s %3d questions", c, perClass[c])
	}
	t.Logf("%d questions in %d families, %d to decline", len(entries), len(s.Families), declines)
}

func TestLoadReportsEveryProblem(t *testing.T) {
	bad := `class: plain
families:
  - family: Bad_ID
    intent: x
    decline: forecast
    sql: SELECT 1
    questions: ["a", "b"]
  - family: reads-marts
    intent: y
    sql: SELECT * FROM MARTS.FCT_ORDERS
    expect: {rows: 2, columns: [{name: a, meaning: b}]}
    questions: ["a", "c", "d", "e", "f"]
`
	_, err := evalset.Load(fstest.MapFS{
		"clean.sql":  {Data: []byte("WITH x AS (SELECT 1)")},
		"plain.yaml": {Data: []byte(bad)},
	})
	require.Error(t, err)
	for _, want := range []string{
		"family Bad_ID: id must be", "family Bad_ID: 2 wordings", "declined for forecast but has sql",
		`question "a" also in family Bad_ID`, "sql reads MARTS.FCT_ORDERS", "needs expect.order",
		"questions, want at least 300", "no family of class typos", "no family declined for change_data",
	} {
		require.Contains(t, err.Error(), want)
	}
}

func TestLoadRefusesUnknownFieldAndWrongClass(t *testing.T) {
	_, err := evalset.Load(fstest.MapFS{
		"clean.sql":  {Data: []byte("WITH x AS (SELECT 1)")},
		"dates.yaml": {Data: []byte("class: typos\nfamilies: []\n")},
		"typos.yaml": {Data: []byte("class: typos\nfamiles: []\n")},
	})
	require.ErrorContains(t, err, `dates.yaml: class "typos", want "dates"`)
	require.ErrorContains(t, err, "typos.yaml: yaml: unmarshal errors")
}

// TestHeldOutFileIsTheSplit keeps heldout.txt equal to Split(HeldOutSeed);
// -update rewrites it.
func TestHeldOutFileIsTheSplit(t *testing.T) {
	checkHeldOutFileIsTheSplit(t, setDir, evalset.HeldOutSeed)
}

// checkHeldOutFileIsTheSplit keeps the held-out file of the set in dir equal
// to Split(seed) and checks the slice's size per class.
func checkHeldOutFileIsTheSplit(t *testing.T, dir string, seed uint64) {
	s := loadSet(t, dir)
	held := evalset.Split(s.Families, seed)
	golden.Check(t, dir+"/"+evalset.HeldOutFile, []byte(strings.Join(held, "\n")+"\n"))

	perClass := map[evalset.Class]int{}
	for _, f := range s.Families {
		perClass[f.Class]++
	}
	heldSet := map[string]bool{}
	heldPerClass := map[evalset.Class]int{}
	for _, id := range held {
		heldSet[id] = true
	}
	for _, f := range s.Families {
		if heldSet[f.ID] {
			heldPerClass[f.Class]++
		}
	}
	for c, n := range perClass {
		require.Positive(t, heldPerClass[c], "class %s has a held-out family", c)
		require.Less(t, heldPerClass[c], n, "class %s keeps families to work on", c)
	}
	share := float64(len(held)) / float64(len(s.Families))
	require.InDelta(t, evalset.HeldOutFraction, share, 0.05, "%d of %d families held out", len(held), len(s.Families))
}

// TestEveryAnswerIsPinned: each answered family has a golden answer that
// LoadAnswer reads, and no golden file is left over from a removed family.
func TestEveryAnswerIsPinned(t *testing.T) {
	checkEveryAnswerIsPinned(t, setDir, evalset.HeldOutSeed)
}

// checkEveryAnswerIsPinned checks the golden answers and the held-out file of
// the set in dir, whose slice was drawn with seed.
func checkEveryAnswerIsPinned(t *testing.T, dir string, seed uint64) {
	s := loadSet(t, dir)
	fsys := os.DirFS(dir)
	answered := map[string]bool{}
	for _, f := range s.Families {
		if f.Decline != "" {
			continue
		}
		answered[f.ID] = true
		a, err := evalset.LoadAnswer(fsys, f.ID)
		require.NoError(t, err)
		require.Len(t, a.Rows, f.Expect.Rows, f.ID)
	}
	files, err := fs.Glob(fsys, evalset.GoldenDir+"/*.json")
	require.NoError(t, err)
	for _, name := range files {
		id := strings.TrimSuffix(path.Base(name), ".json")
		require.True(t, answered[id], "%s answers no family of the set", name)
	}
	require.Len(t, files, len(answered))
	held, err := evalset.LoadHeldOut(fsys)
	require.NoError(t, err)
	require.Len(t, held, len(evalset.Split(s.Families, seed)))
	_, err = evalset.LoadAnswer(fsys, "no-such-family")
	require.ErrorContains(t, err, "answer of no-such-family")
}

func TestSplitIsDeterministicAndSeeded(t *testing.T) {
	s := loadSet(t, setDir)
	a := evalset.Split(s.Families, evalset.HeldOutSeed)
	require.Equal(t, a, evalset.Split(s.Families, evalset.HeldOutSeed))
	reversed := append([]evalset.Family(nil), s.Families...)
	for i, j := 0, len(reversed)-1; i < j; i, j = i+1, j-1 {
		reversed[i], reversed[j] = reversed[j], reversed[i]
	}
	require.Equal(t, a, evalset.Split(reversed, evalset.HeldOutSeed), "the file order does not matter")
	differs := false
	for seed := uint64(1); seed < 20 && !differs; seed++ {
		differs = strings.Join(evalset.Split(s.Families, seed), ",") != strings.Join(a, ",")
	}
	require.True(t, differs, "another seed draws another slice")
}
