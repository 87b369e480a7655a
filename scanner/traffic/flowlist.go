package traffic

// flowList is an intrusive doubly-linked list of flows, least recently seen first:
// idle flows are found at its head without a scan, and moving a flow to the back
// costs a few pointer writes.
type flowList struct {
	head, tail *Flow
}

func (l *flowList) pushBack(f *Flow) {
	f.prev, f.next = l.tail, nil
	if l.tail != nil {
		l.tail.next = f
	} else {
		l.head = f
	}
	l.tail = f
}

func (l *flowList) remove(f *Flow) {
	if f.prev != nil {
		f.prev.next = f.next
	} else {
		l.head = f.next
	}
	if f.next != nil {
		f.next.prev = f.prev
	} else {
		l.tail = f.prev
	}
	f.prev, f.next = nil, nil
}

func (l *flowList) moveToBack(f *Flow) {
	if l.tail == f {
		return
	}
	l.remove(f)
	l.pushBack(f)
}
