package datagen

import "math/bits"

// The generator's randomness is counter-based: every row of every table draws from
// its own SplitMix64 stream, keyed by (seed, table, row index). A row is therefore a
// pure function of those three values: the same on every machine and Go version,
// in any order, from any number of goroutines. No math/rand algorithm is involved,
// because their sequences are not promised to stay fixed across releases.

const gamma = 0x9e3779b97f4a7c15

// Table salts keep the streams of different tables apart.
const (
	saltCustomers uint64 = 0x43555354 // "CUST"
	saltProducts  uint64 = 0x50524f44 // "PROD"
	saltReps      uint64 = 0x52455053 // "REPS"
	saltOrders    uint64 = 0x4f524452 // "ORDR"
	saltDirty     uint64 = 0x44495254 // "DIRT"
	saltExtra     uint64 = 0x45585452 // "EXTR"
	saltNames     uint64 = 0x4e414d45 // "NAME", combined with a table's salt
)

func mix64(z uint64) uint64 {
	z ^= z >> 30
	z *= 0xbf58476d1ce4e5b9
	z ^= z >> 27
	z *= 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// stream is one row's private sequence of random numbers.
type stream struct{ s uint64 }

func newStream(seed, salt uint64, index int64) stream {
	return stream{s: mix64(mix64(seed^(salt*gamma)) + uint64(index)*gamma)}
}

// next returns the next 64 random bits.
func (r *stream) next() uint64 {
	r.s += gamma
	return mix64(r.s)
}

// intn returns a number in [0, n) by Lemire's multiply-high reduction.
func (r *stream) intn(n int64) int64 {
	hi, _ := bits.Mul64(r.next(), uint64(n))
	return int64(hi)
}

// pick returns an index into weights (which sum to total) with probability
// proportional to its weight.
func (r *stream) pick(cum []int64) int {
	x := r.intn(cum[len(cum)-1])
	lo, hi := 0, len(cum)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if cum[mid] > x {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// cumulative turns weights into a running total for [stream.pick].
func cumulative(weights ...int64) []int64 {
	out := make([]int64, len(weights))
	var sum int64
	for i, w := range weights {
		sum += w
		out[i] = sum
	}
	return out
}
