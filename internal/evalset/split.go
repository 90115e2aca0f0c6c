package evalset

import (
	"math/rand/v2"
	"sort"
)

// HeldOutSeed is the seed of the committed held-out slice (heldout.txt).
const HeldOutSeed uint64 = 20260101

// HeldOutFraction is the share of each class's families held out.
const HeldOutFraction = 0.2

// HeldOutFile is the committed list of held-out family ids, one a line.
const HeldOutFile = "heldout.txt"

// Split returns the ids of the held-out families, sorted: in each class, a
// random HeldOutFraction of its families (rounded, at least one), drawn with a
// PCG generator seeded by seed over the class's family ids in sorted order. The
// same families and seed give the same slice on every machine. Whole families
// are held out, so the paraphrases of one intent stay together.
func Split(families []Family, seed uint64) []string {
	byClass := map[Class][]string{}
	for _, f := range families {
		byClass[f.Class] = append(byClass[f.Class], f.ID)
	}
	var out []string
	for _, c := range Classes() {
		ids := byClass[c]
		if len(ids) == 0 {
			continue
		}
		sort.Strings(ids)
		r := rand.New(rand.NewPCG(seed, classSalt(c)))
		r.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
		n := int(float64(len(ids))*HeldOutFraction + 0.5)
		out = append(out, ids[:max(n, 1)]...)
	}
	sort.Strings(out)
	return out
}

// classSalt gives each class its own stream (FNV-1a of its name), so adding a
// family to one class does not move another class's slice.
func classSalt(c Class) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(c); i++ {
		h ^= uint64(c[i])
		h *= 1099511628211
	}
	return h
}
