// Package evalset loads and checks the analyst's held-out evaluation set, the
// questions of testdata/analyst/eval2: questions a sales manager would type,
// grouped in paraphrase families (one intent, at least five wordings), each
// family either declined for a stated reason or answered by hand-written SQL over
// the RAW schema.
//
// The set was written without sight of the analyst's resolver; this package
// holds no code that answers questions. It only reads the set, validates it
// strictly (every problem at once) and splits it:
//
//	set, err := evalset.Load(os.DirFS("testdata/analyst/eval2"))
//	if err != nil { … }                         // every problem of the files, at once
//	heldOut := evalset.Split(set.Families, evalset.HeldOutSeed)
//	for _, e := range set.Entries() { … }       // one Entry per question
//
// A harness that scores the analyst reads each answered family's pinned result
// with [LoadAnswer] and the committed held-out slice with [LoadHeldOut]:
//
//	fsys := os.DirFS("testdata/analyst/eval2")
//	want, err := evalset.LoadAnswer(fsys, e.Family) // columns and rows as exact text
//	held, err := evalset.LoadHeldOut(fsys)          // held[e.Family]: report apart
//
// Each family's expected answer is the result of its SQL run after the common
// WITH clause of clean.sql (the STAGING cleaning rules, written over RAW), on the
// scale-1 embedded demo warehouse read as of 2026-01-01. The package's test
// builds that warehouse, runs every family's SQL, checks the result against the
// family's stated shape and pins it as golden JSON under
// testdata/analyst/eval2/golden (go test ./internal/evalset -update rewrites it),
// every value a string and money exact decimal text.
//
// [Split] freezes a deterministic 20% of the families, per class, as held out;
// the list is committed as testdata/analyst/eval2/heldout.txt and the test keeps
// the two in step. Whoever works on the resolver reports accuracy on the held-out
// families but does not look at their failures.
//
// A second blind set, testdata/analyst/eval3, has the same format and its own
// held-out seed (eval3_test.go); a third, testdata/analyst/eval4, likewise
// (eval4_test.go).
package evalset
