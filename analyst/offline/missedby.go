package offline

// missedBy makes "missed quota by the most" one rule with "furthest below
// quota": a ranking said of a missed quota ranks by how far below, the lowest
// attainment first. "missed by the least" (the closest below quota, of those
// who missed) is not a plain ranking, so it is declined naming the words.
func missedBy(sw *seen, in *intent, attainment bool) *decline {
	if !sw.miss || in.rank == 0 || !attainment || in.countHit {
		return nil
	}
	if in.rank < 0 {
		return unsupported("I cannot place \"missed … by the least\" (the closest below quota of those who missed): ask who was furthest below quota, or which reps missed quota")
	}
	in.rank, sw.distance = -1, true
	return nil
}
