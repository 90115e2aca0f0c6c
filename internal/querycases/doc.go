// Package querycases lists the representative semantic queries over the sales
// model that the query package pins as golden SQL for each dialect and the
// embedded engine runs against an independent computation.
package querycases
