// Package datagen is the deterministic generator of the RAW sales tables:
// customers, products, sales reps and orders.
//
// Every row is a pure function of (seed, table, row index): each draws from its own
// counter-based SplitMix64 stream, so the same [Config] gives byte-identical rows on
// every machine, in any order, from any number of goroutines, and [Generator.Checksum]
// pins the whole data set. [Version] changes whenever the same config would give other
// rows, so that warehouses loaded by an older generator are rebuilt.
//
//	g, err := datagen.New(datagen.DefaultConfig()) // scale 1: 10,000 customers, 100,000 orders
//	if err != nil { ... }
//	c := g.Customer(0)        // any row, directly by index
//	o := g.Order(99_999)
//	f := g.Figures()          // Go-side totals: the oracle the marts must equal to the cent
//	fmt.Println(c.Name, o.NetAmount(), f.Revenue)
//
// Scale multiplies customers and orders; the 500 products and 50 reps stay. At scale 1
// with the default seed, total net revenue is $395,090,527.40 (spec: $394M ± 2%).
//
// Names identify people. They are dealt from 320 given names × 320 surnames by a keyed
// permutation, not drawn at random: the 50 reps have 50 different names for every seed;
// the first 102,400 customers all have different names (every customer up to scale
// 10.24, so all 10,000 at scale 1 and all 100,000 at scale 10); beyond that no name
// occurs more than ⌈customers / 102,400⌉ times (twice at scale 20). Reports should still
// group by id and show the name.
//
// A non-zero [Config.DirtyFraction] gives that fraction of orders exactly one defect
// each ([Rule]), recorded by [Generator.Injected] so quality checks can be verified.
package datagen
