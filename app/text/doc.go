// Package text is the one text pipeline shared by index time and query
// time: what an article says and what a reader types go through the same
// steps, so that they meet.
package text
