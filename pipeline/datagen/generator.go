package datagen

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Customer is one row of RAW.CUSTOMERS.
type Customer struct {
	ID                                          int64
	Name, Email, Segment, Industry, City, State string
	CreatedAt                                   time.Time
}

// Product is one row of RAW.PRODUCTS.
type Product struct {
	ID                  int64
	Name, Category      string
	UnitPrice, UnitCost Cents
}

// Rep is one row of RAW.SALES_REPS.
type Rep struct {
	ID                  int64
	Name, Email, Region string
	HireDate            time.Time
	AnnualQuota         Cents
}

// Order is one row of RAW.ORDERS. A dirty order carries its defect in Defect.
type Order struct {
	ID          int64
	CustomerID  int64 // 0 when HasCustomer is false
	HasCustomer bool  // false means CUSTOMER_ID is NULL
	ProductID   int64
	RepID       int64
	OrderDate   time.Time
	Quantity    int64
	UnitPrice   Cents
	Discount    BasisPoints
	Status      string
	Channel     string
	LoadedAt    time.Time
	Defect      Rule // RuleNone for a clean order
}

// NetAmount is the order's net amount (see [NetAmount]).
func (o Order) NetAmount() Cents { return NetAmount(o.Quantity, o.UnitPrice, o.Discount) }

// Generator produces the RAW tables for one [Config]. Every row is a pure function of
// the config and its index, so a Generator is safe for concurrent use.
type Generator struct {
	cfg        Config
	customers  int64
	orders     int64
	days       int64
	products   []Product
	reps       []Rep
	productCum []int64 // popularity, for picking a product per order
}

// New validates cfg and returns its generator.
func New(cfg Config) (*Generator, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	cfg = cfg.withDefaults()
	g := &Generator{
		cfg:       cfg,
		customers: scaled(BaseCustomers, cfg.Scale),
		orders:    scaled(BaseOrders, cfg.Scale),
		days:      int64(cfg.End.Sub(cfg.Start)/(24*time.Hour)) + 1,
	}
	g.products = make([]Product, NumProducts)
	weights := make([]int64, NumProducts)
	for i := range g.products {
		g.products[i], weights[i] = g.product(i)
	}
	g.productCum = cumulative(weights...)
	g.reps = make([]Rep, NumReps)
	for i := range g.reps {
		g.reps[i] = g.rep(i)
	}
	return g, nil
}

// Config returns the generator's configuration, defaults filled in.
func (g *Generator) Config() Config { return g.cfg }

// NumCustomers returns the number of customers.
func (g *Generator) NumCustomers() int64 { return g.customers }

// NumOrders returns the number of orders, dirty ones included.
func (g *Generator) NumOrders() int64 { return g.orders }

// Products returns the product catalogue. The slice is shared: do not modify it.
func (g *Generator) Products() []Product { return g.products }

// Reps returns the sales reps. The slice is shared: do not modify it.
func (g *Generator) Reps() []Rep { return g.reps }

// Customer returns the customer at index i in [0, NumCustomers).
func (g *Generator) Customer(i int64) Customer {
	r := newStream(g.cfg.Seed, saltCustomers, i)
	first, last := personName(g.cfg.Seed, saltCustomers, i)
	city := cities[r.intn(int64(len(cities)))]
	id := i + 1
	created := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC).
		Add(time.Duration(r.intn(730*86400)) * time.Second)
	return Customer{
		ID:        id,
		Name:      first + " " + last,
		Email:     strings.ToLower(first) + "." + strings.ToLower(last) + strconv.FormatInt(id, 10) + "@example.com",
		Segment:   segmentCycle[i%10],
		Industry:  vocIndustries[r.intn(int64(len(vocIndustries)))],
		City:      city.City,
		State:     city.State,
		CreatedAt: created,
	}
}

// product builds product i and its popularity weight.
func (g *Generator) product(i int) (Product, int64) {
	r := newStream(g.cfg.Seed, saltProducts, int64(i))
	// Prices spread from $10 to $5,000, denser at the low end.
	u := r.intn(1_000_000)
	price := 1000 + (499_000*u/1_000_000)*u/1_000_000 // cents: $10.00 … $5,000.00
	cost := price * (40 + r.intn(41)) / 100           // 40–80% of price
	// Popularity follows a Zipf-like curve over a per-product rank.
	rank := r.intn(NumProducts)
	weight := 1_000_000 / (rank + popularityOffset)
	return Product{
		ID:        int64(i + 1),
		Name:      fmt.Sprintf("Product_%04d", i+1),
		Category:  vocCategories[i%len(vocCategories)],
		UnitPrice: Cents(price),
		UnitCost:  Cents(cost),
	}, weight
}

// popularityOffset flattens the popularity curve: larger is flatter.
const popularityOffset = 120

func (g *Generator) rep(i int) Rep {
	r := newStream(g.cfg.Seed, saltReps, int64(i))
	first, last := personName(g.cfg.Seed, saltReps, int64(i))
	id := int64(i + 1)
	return Rep{
		ID:          id,
		Name:        first + " " + last,
		Email:       strings.ToLower(first[:1]) + strings.ToLower(last) + strconv.FormatInt(id, 10) + "@sales.example.com",
		Region:      vocRegions[i%len(vocRegions)],
		HireDate:    time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(r.intn(3000))),
		AnnualQuota: Cents((3_000_000 + r.intn(3_000_001)) * 100), // $3M–$6M
	}
}

// Order returns the order at index i in [0, NumOrders), with its defect applied if
// the config makes it dirty.
func (g *Generator) Order(i int64) Order {
	rule, d := g.defect(i)
	if rule == RuleDuplicateID {
		j := g.duplicateOf(i, d)
		o := g.cleanOrder(j)
		o.LoadedAt = o.LoadedAt.Add(time.Hour)
		o.Defect = RuleDuplicateID
		return o
	}
	o := g.cleanOrder(i)
	if rule != RuleNone {
		applyDefect(&o, rule, d, g)
	}
	return o
}

// cleanOrder builds order i without any defect.
func (g *Generator) cleanOrder(i int64) Order {
	r := newStream(g.cfg.Seed, saltOrders, i)
	p := &g.products[r.pick(g.productCum)]
	date := g.cfg.Start.AddDate(0, 0, int(r.intn(g.days)))
	o := Order{
		ID:          i + 1,
		CustomerID:  1 + r.intn(g.customers),
		HasCustomer: true,
		ProductID:   p.ID,
		RepID:       1 + r.intn(NumReps),
		OrderDate:   date,
		Quantity:    quantities[r.pick(quantityWeights)],
		UnitPrice:   p.UnitPrice,
		Status:      vocStatuses[r.pick(statusWeights)],
		Channel:     vocChannels[r.pick(channelWeights)],
	}
	if r.intn(1000) < discountPerMille {
		o.Discount = discounts[r.intn(int64(len(discounts)))]
	}
	o.LoadedAt = date.Add(24*time.Hour + time.Duration(r.intn(86400))*time.Second)
	return o
}

// Arrivals returns n new clean orders with ids firstID, firstID+1, …, dated within
// [from, to] and loaded at loadedAt: orders that arrive after the initial load. Like
// every row, each is a pure function of the config and its id.
func (g *Generator) Arrivals(firstID int64, n int, from, to, loadedAt time.Time) []Order {
	from, to = truncDay(from), truncDay(to)
	days := int64(to.Sub(from)/(24*time.Hour)) + 1
	out := make([]Order, n)
	for i := range out {
		id := firstID + int64(i)
		r := newStream(g.cfg.Seed, saltExtra, id)
		o := g.cleanOrder(int64(r.intn(g.orders))) // borrow the shape of an existing order
		o.ID = id
		o.CustomerID = 1 + r.intn(g.customers)
		o.OrderDate = from.AddDate(0, 0, int(r.intn(max(days, 1))))
		o.LoadedAt = loadedAt.UTC()
		out[i] = o
	}
	return out
}
