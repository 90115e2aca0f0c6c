package datagen

// The generator's fixed vocabularies. Changing any of them changes the data set, so
// the pinned checksum test will say so.

// vocSegments in their exact mix: of every ten customers, one is Enterprise, three SMB
// and six Consumer.
var segmentCycle = [10]string{
	"Enterprise", "SMB", "Consumer", "Consumer", "SMB",
	"Consumer", "Consumer", "SMB", "Consumer", "Consumer",
}

// vocSegments lists the customer segments.
var vocSegments = []string{"Enterprise", "SMB", "Consumer"}

// vocRegions lists the sales regions.
var vocRegions = []string{"North", "South", "East", "West"}

// vocCategories lists the product categories.
var vocCategories = []string{
	"ELECTRONICS", "SPORTS", "HOME", "CLOTHING", "BEAUTY",
	"TOYS", "BOOKS", "GROCERY", "AUTOMOTIVE", "OFFICE",
}

// vocIndustries lists the customer industries.
var vocIndustries = []string{
	"Technology", "Healthcare", "Finance", "Retail", "Manufacturing",
	"Education", "Energy", "Hospitality", "Logistics", "Media",
}

// vocStatuses lists the order statuses, with their weights in per mille.
var (
	vocStatuses   = []string{"Completed", "Shipped", "Processing", "Returned"}
	statusWeights = cumulative(820, 110, 40, 30)
)

// vocChannels lists the sales channels, with their weights in per mille.
var (
	vocChannels    = []string{"Online", "Retail", "Partner", "Phone"}
	channelWeights = cumulative(450, 300, 150, 100)
)

var cities = []struct{ City, State string }{
	{"New York", "NY"}, {"Los Angeles", "CA"}, {"Chicago", "IL"}, {"Houston", "TX"},
	{"Phoenix", "AZ"}, {"Philadelphia", "PA"}, {"San Antonio", "TX"}, {"San Diego", "CA"},
	{"Dallas", "TX"}, {"Austin", "TX"}, {"Jacksonville", "FL"}, {"Columbus", "OH"},
	{"Charlotte", "NC"}, {"Seattle", "WA"}, {"Denver", "CO"}, {"Boston", "MA"},
	{"Nashville", "TN"}, {"Portland", "OR"}, {"Atlanta", "GA"}, {"Miami", "FL"},
	{"Minneapolis", "MN"}, {"Detroit", "MI"}, {"Raleigh", "NC"}, {"Salt Lake City", "UT"},
}

// Quantities and their weights in per mille: most orders are for a few units.
var (
	quantities      = []int64{1, 2, 3, 4, 5, 6, 8, 10}
	quantityWeights = cumulative(340, 270, 175, 95, 55, 30, 20, 15)
)

// Discounts given to discounted orders, in basis points.
var discounts = []BasisPoints{500, 1000, 1500, 2000, 2500}

// discountPerMille is how many orders in a thousand are discounted (10%).
const discountPerMille = 100
