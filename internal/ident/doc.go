// Package ident holds the one rule for the names the SDK writes into SQL as
// identifiers — warehouse object names and semantic-model names alike: a letter
// or underscore, then letters, digits, underscores or dollar signs, at most 255
// characters (Snowflake's limit for identifiers).
package ident
