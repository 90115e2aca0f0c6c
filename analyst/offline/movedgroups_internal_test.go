package offline

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestWhichGroupsMovedNeverAnotherQuestion: near "which categories shrank",
// the questions it must not answer as that list (reviewer B): a count of them,
// a period with a part left out, both ways at once (each one's change), and
// "whose" said of another noun.
func TestWhichGroupsMovedNeverAnotherQuestion(t *testing.T) {
	t.Parallel()
	r := testResolver(t)
	for _, q := range []string{"how many categories shrank in 2025", "which categories grew in 2025 but not in 2024"} {
		res := r.Resolve(nil, q)
		require.True(t, res.Declined, "%q was read as %s", q, res.Reading)
	}
	both := r.Resolve(nil, "which categories grew and which shrank in 2025")
	require.False(t, both.Declined, both.Reason)
	require.NotNil(t, both.Request.Compare)
	require.Nil(t, both.Request.Compare.Having, "both ways: every category's change")
	require.Nil(t, both.Request.Rank)

	reps := r.Resolve(nil, "reps whose customers spent the most in 2025")
	require.False(t, reps.Declined, reps.Reason)
	require.Equal(t, []string{"rep_name"}, reps.Request.Dimensions, "the reps ranked, not rep and customer pairs")
}
