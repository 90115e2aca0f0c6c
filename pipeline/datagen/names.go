package datagen

// Person names are dealt, not drawn: a keyed permutation maps row indexes onto the
// nameVocabulary² (first, last) pairs, so that no two rows of one pass share a name.
//
// Row i of a table lies in pass i / nameSpace at position i % nameSpace. Within a
// pass the position goes through a four-round Feistel network over
// Z_nameVocabulary × Z_nameVocabulary, keyed by (seed, table, pass) and the round: a
// bijection, so the first nameSpace rows of a table (102,400 customers, scale ≤ 10.24)
// all have distinct names, and in a table of n rows no name occurs more than
// ⌈n / nameSpace⌉ times. Each pass has its own key, so a name's repeats fall on
// unrelated ids. Like every column, a name is a pure function of (seed, table, index).

// nameSpace is the number of distinct full names.
const nameSpace = nameVocabulary * nameVocabulary

// feistelRounds is the number of Feistel rounds; four mix the pairs thoroughly.
const feistelRounds = 4

// personName returns the first and last name of row index of the table salt.
func personName(seed, salt uint64, index int64) (first, last string) {
	pass, pos := index/nameSpace, index%nameSpace
	a, b := pos/nameVocabulary, pos%nameVocabulary
	key := newStream(seed, salt^saltNames, pass).s
	for round := range int64(feistelRounds) {
		a, b = b, (a+feistelRound(key, round, b))%nameVocabulary
	}
	return firstNames[a], lastNames[b]
}

// feistelRound is the round function: a keyed hash of one half, in [0, nameVocabulary).
// Each (round, half) has its own counter value, as each row has its own stream.
func feistelRound(key uint64, round, half int64) int64 {
	r := stream{s: key + uint64(round*nameVocabulary+half)*gamma}
	return r.intn(nameVocabulary)
}
