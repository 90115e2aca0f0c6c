package evalset_test

import (
	"fmt"

	"github.com/salesanalytics/salesanalytics/internal/evalset"
)

// Split holds out a fifth of each class's families (at least one), the same
// ones for the same seed whatever order the families come in.
func ExampleSplit() {
	var families []evalset.Family
	for i := 1; i <= 10; i++ {
		families = append(families, evalset.Family{ID: fmt.Sprintf("dates-%02d", i), Class: evalset.ClassDates})
	}
	for i := 1; i <= 3; i++ {
		families = append(families, evalset.Family{ID: fmt.Sprintf("typos-%02d", i), Class: evalset.ClassTypos})
	}
	fmt.Println(evalset.Split(families, 7))
	reversed := make([]evalset.Family, len(families))
	for i, f := range families {
		reversed[len(families)-1-i] = f
	}
	fmt.Println(evalset.Split(reversed, 7))
	// Output:
	// [dates-02 dates-03 typos-03]
	// [dates-02 dates-03 typos-03]
}
