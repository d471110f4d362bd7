//go:build !(js && wasm)

package main

func runBuild(args []string) int { return 2 }
