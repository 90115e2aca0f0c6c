package datagen

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestCustomerNamesAreDistinct(t *testing.T) {
	t.Parallel()
	space := int64(len(firstNames) * len(lastNames))
	for _, tc := range []struct {
		name        string
		scale       float64
		minDistinct int64 // what the product asks for (issue 12) or the construction promises
		maxRepeats  int
	}{
		{"scale 1: all distinct, at least 9,500 asked", 1, 9_500, 1},
		{"scale 10: still all distinct", 10, 100_000, 1},
		{"scale 20: every name at most twice", 20, space, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			g := mustNew(t, Config{Seed: DefaultSeed, Scale: tc.scale})
			seen := make(map[string]int, g.NumCustomers())
			most := 0
			for i := range g.NumCustomers() {
				n := g.Customer(i).Name
				seen[n]++
				most = max(most, seen[n])
			}
			distinct := int64(len(seen))
			t.Logf("scale %v: %d customers, %d distinct names, at most %d each", tc.scale, g.NumCustomers(), distinct, most)
			require.GreaterOrEqual(t, distinct, tc.minDistinct)
			require.Equal(t, min(g.NumCustomers(), space), distinct, "distinct names = min(customers, %d)", space)
			require.LessOrEqual(t, most, tc.maxRepeats)
		})
	}
}

func TestRepNamesAreUnique(t *testing.T) {
	t.Parallel()
	for _, seed := range []uint64{DefaultSeed, 1, 2, 42, 1 << 63} {
		g := mustNew(t, Config{Seed: seed, Scale: 0.01})
		names := map[string]int64{}
		for _, r := range g.Reps() {
			prev, dup := names[r.Name]
			require.False(t, dup, "seed %d: reps %d and %d are both %q", seed, prev, r.ID, r.Name)
			names[r.Name] = r.ID
		}
		require.Len(t, names, NumReps, "seed %d", seed)
	}
}

// TestPersonNameIsAPermutation checks the construction over a whole pass: every
// (first, last) pair exactly once, and the next pass dealt in another order.
func TestPersonNameIsAPermutation(t *testing.T) {
	t.Parallel()
	space := int64(len(firstNames) * len(lastNames))
	seen := make(map[[2]string]bool, space)
	moved := 0
	for i := range space {
		f, l := personName(DefaultSeed, saltCustomers, i)
		seen[[2]string{f, l}] = true
		if f2, l2 := personName(DefaultSeed, saltCustomers, space+i); f2 != f || l2 != l {
			moved++
		}
	}
	require.Len(t, seen, int(space), "one pass covers every pair once")
	require.Greater(t, moved, int(space)*99/100, "the second pass is another permutation")
}

// TestNamesSpreadOverTheVocabularies checks that scale 1 uses the whole vocabularies
// evenly enough that no first or last name dominates a list.
func TestNamesSpreadOverTheVocabularies(t *testing.T) {
	t.Parallel()
	g := mustNew(t, DefaultConfig())
	firsts, lasts := map[string]int{}, map[string]int{}
	for i := range g.NumCustomers() {
		f, l := personName(g.Config().Seed, saltCustomers, i)
		firsts[f]++
		lasts[l]++
	}
	mean := int(g.NumCustomers()) / nameVocabulary // 31
	for _, counts := range []map[string]int{firsts, lasts} {
		require.Len(t, counts, nameVocabulary, "every word is used")
		for w, n := range counts {
			require.Less(t, n, 2*mean, "%q is used %d times (mean %d)", w, n, mean)
		}
	}
}

func TestNameVocabulariesAreClean(t *testing.T) {
	t.Parallel()
	word := regexp.MustCompile(`^[A-Z][A-Za-z]+$`)
	for name, list := range map[string][nameVocabulary]string{"firstNames": firstNames, "lastNames": lastNames} {
		seen := map[string]bool{}
		for _, w := range list {
			require.Regexp(t, word, w, "%s: ASCII letters, capitalised, for e-mail addresses", name)
			require.False(t, seen[w], "%s: %q twice", name, w)
			seen[w] = true
		}
	}
}
