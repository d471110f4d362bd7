//go:build !(js && wasm)

package main

func runServe(args []string) int { return 2 }
