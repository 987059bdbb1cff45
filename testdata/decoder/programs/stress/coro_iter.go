//go:build go1.23

package main

import "iter"

func coro() {
	seq := func(yield func(int) bool) {
		for i := 0; i < 50; i++ {
			if !yield(i) {
				return
			}
		}
	}
	next, stop := iter.Pull(iter.Seq[int](seq))
	defer stop()
	for {
		_, ok := next()
		if !ok {
			break
		}
	}
	// A second pull that is stopped early (GoSwitchDestroy path).
	next2, stop2 := iter.Pull(iter.Seq[int](seq))
	next2()
	stop2()
}
