// The Go judge's harness: LeetCode's ListNode/TreeNode, JSON to the types the solution declares (by reflection),
// per-test capture of os.Stdout/os.Stderr, and the test loop. The judge builds one program from this file, the
// candidate's solution.go and a generated ci_main.go naming the function (or constructor and methods) to call.
// Input: a header file, then the tests on stdin, one array of arguments per line, the next only after this test's
// record went out (the parent times each test from outside). Output: JSON lines on a result fd, in the same shape
// as the other harnesses'. fd 1 and 2 stay the process's own, so the runtime's fatal errors reach the judge.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"
	"reflect"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

type ListNode struct {
	Val  int
	Next *ListNode
}

type TreeNode struct {
	Val   int
	Left  *TreeNode
	Right *TreeNode
}

const ciCaptureCap = 8192

type ciWrongType struct{ msg string }

func (e ciWrongType) Error() string { return e.msg }

type ciBadInput struct{ msg string }

func (e ciBadInput) Error() string { return e.msg }

var (
	ciResultFd    int
	ciOutputLimit int64 = 8 << 20
	ciLock        sync.Mutex // held while a record goes out; ciRunning: a test is running (its record not out)
	ciRunning     bool
	ciCurrent     int
	ciListType          = reflect.TypeOf((*ListNode)(nil))
	ciTreeType          = reflect.TypeOf((*TreeNode)(nil))
)

func ciLine(data []byte) {
	data = append(data, '\n')
	for len(data) > 0 {
		n, err := syscall.Write(ciResultFd, data)
		if err == syscall.EINTR {
			continue
		}
		if err != nil || n <= 0 {
			os.Exit(3)
		}
		data = data[n:]
	}
}

type ciRecord struct {
	Index  int             `json:"index"`
	Status string          `json:"status"`
	Value  json.RawMessage `json:"value"`
	Error  string          `json:"error"`
	TimeMs float64         `json:"time_ms"`
	Stdout string          `json:"stdout"`
	Stderr string          `json:"stderr"`
}

func ciEmit(r ciRecord) {
	if r.Value == nil {
		r.Value = json.RawMessage("null")
	}
	data, err := json.Marshal(r)
	if err != nil {
		r.Value, r.Status, r.Error = json.RawMessage("null"), "error", "the result cannot be written as JSON"
		data, _ = json.Marshal(r)
	}
	ciLine(data)
}

// ---- per-test capture of os.Stdout and os.Stderr into files (RLIMIT_FSIZE: SIGXFSZ, an output limit) ----------
type ciCapture struct{ out, err *os.File }

func ciOpenCapture(name string) *os.File {
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0600)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ci-harness: cannot capture output:", err)
		os.Exit(4)
	}
	return f
}

func (c *ciCapture) begin() {
	for _, f := range []*os.File{c.out, c.err} {
		_ = f.Truncate(0)
		_, _ = f.Seek(0, io.SeekStart)
	}
	os.Stdout, os.Stderr = c.out, c.err
}

func ciRead(f *os.File) (string, int64) {
	info, err := f.Stat()
	if err != nil {
		return "", 0
	}
	size := info.Size()
	buf := make([]byte, ciMin(size, ciCaptureCap))
	n, _ := f.ReadAt(buf, 0)
	text := string(buf[:n])
	if size > ciCaptureCap {
		text += fmt.Sprintf("\n... (%d more bytes)", size-ciCaptureCap)
	}
	return text, size
}

func ciMin(a, b int64) int64 {
	if a < b {
		return a
	}
	return b
}

func (c *ciCapture) end(stdout, stderr *os.File) (string, string, int64) {
	os.Stdout, os.Stderr = stdout, stderr
	out, n1 := ciRead(c.out)
	errText, n2 := ciRead(c.err)
	return out, errText, n1 + n2
}

// ---- JSON -> the declared parameter types ------------------------------------------------------------------
func ciDescribe(v interface{}) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case json.Number:
		return "a number"
	case string:
		return "a string"
	case []interface{}:
		return "a list"
	default:
		return "an object"
	}
}

func ciFrom(v interface{}, t reflect.Type) (reflect.Value, error) {
	switch {
	case t == ciListType:
		values, ok := v.([]interface{})
		if v == nil {
			return reflect.Zero(t), nil
		}
		if !ok {
			return reflect.Value{}, ciBadInput{"expected a list for a ListNode argument, got " + ciDescribe(v)}
		}
		var head *ListNode
		for k := len(values) - 1; k >= 0; k-- {
			val, err := ciFrom(values[k], reflect.TypeOf(0))
			if err != nil {
				return reflect.Value{}, err
			}
			head = &ListNode{Val: int(val.Int()), Next: head}
		}
		return reflect.ValueOf(head), nil
	case t == ciTreeType:
		values, ok := v.([]interface{})
		if !ok || len(values) == 0 || values[0] == nil {
			return reflect.Zero(t), nil
		}
		newNode := func(x interface{}) (*TreeNode, error) {
			val, err := ciFrom(x, reflect.TypeOf(0))
			if err != nil {
				return nil, err
			}
			return &TreeNode{Val: int(val.Int())}, nil
		}
		root, err := newNode(values[0])
		if err != nil {
			return reflect.Value{}, err
		}
		queue := []*TreeNode{root}
		for k := 1; len(queue) > 0 && k < len(values); {
			node := queue[0]
			queue = queue[1:]
			if values[k] != nil {
				if node.Left, err = newNode(values[k]); err != nil {
					return reflect.Value{}, err
				}
				queue = append(queue, node.Left)
			}
			k++
			if k < len(values) && values[k] != nil {
				if node.Right, err = newNode(values[k]); err != nil {
					return reflect.Value{}, err
				}
				queue = append(queue, node.Right)
			}
			k++
		}
		return reflect.ValueOf(root), nil
	}
	out := reflect.New(t).Elem()
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := v.(json.Number)
		if !ok {
			return out, ciBadInput{"expected an integer argument, got " + ciDescribe(v)}
		}
		i, err := strconv.ParseInt(string(n), 10, 64)
		if err != nil || out.OverflowInt(i) {
			return out, ciBadInput{"the value " + string(n) + " does not fit the declared type " + t.String()}
		}
		out.SetInt(i)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, ok := v.(json.Number)
		if !ok {
			return out, ciBadInput{"expected an integer argument, got " + ciDescribe(v)}
		}
		u, err := strconv.ParseUint(string(n), 10, 64)
		if err != nil || out.OverflowUint(u) {
			return out, ciBadInput{"the value " + string(n) + " does not fit the declared type " + t.String()}
		}
		out.SetUint(u)
	case reflect.Float32, reflect.Float64:
		switch x := v.(type) {
		case json.Number:
			f, err := strconv.ParseFloat(string(x), 64)
			if err != nil {
				return out, ciBadInput{"expected a number argument, got " + string(x)}
			}
			out.SetFloat(f)
		case string:
			switch x {
			case "nan":
				out.SetFloat(math.NaN())
			case "inf":
				out.SetFloat(math.Inf(1))
			case "-inf":
				out.SetFloat(math.Inf(-1))
			default:
				return out, ciBadInput{"expected a number argument, got a string"}
			}
		default:
			return out, ciBadInput{"expected a number argument, got " + ciDescribe(v)}
		}
	case reflect.Bool:
		b, ok := v.(bool)
		if !ok {
			return out, ciBadInput{"expected a boolean argument, got " + ciDescribe(v)}
		}
		out.SetBool(b)
	case reflect.String:
		s, ok := v.(string)
		if !ok {
			return out, ciBadInput{"expected a string argument, got " + ciDescribe(v)}
		}
		out.SetString(s)
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 || t.Elem().Kind() == reflect.Int32 {
			if s, ok := v.(string); ok { // a string passed as []byte or []rune
				return reflect.ValueOf(s).Convert(t), nil
			}
		}
		items, ok := v.([]interface{})
		if !ok {
			return out, ciBadInput{"expected a list argument, got " + ciDescribe(v)}
		}
		out = reflect.MakeSlice(t, len(items), len(items))
		for k, item := range items {
			value, err := ciFrom(item, t.Elem())
			if err != nil {
				return out, err
			}
			out.Index(k).Set(value)
		}
	default:
		return out, ciBadInput{"the judge cannot pass a parameter of type " + t.String() +
			": use the types of the starter code"}
	}
	return out, nil
}

// ---- return values -> JSON ----------------------------------------------------------------------------------
func ciTo(v reflect.Value) (interface{}, error) {
	if v.Type() == ciListType {
		out := []int{}
		for node := v.Interface().(*ListNode); node != nil; node = node.Next {
			out = append(out, node.Val)
			if len(out) > 10000000 {
				return nil, ciWrongType{"the returned linked list has a cycle"}
			}
		}
		return out, nil
	}
	if v.Type() == ciTreeType {
		order := []*TreeNode{}
		if root := v.Interface().(*TreeNode); root != nil {
			order = append(order, root)
		}
		for k := 0; k < len(order); k++ {
			if order[k] != nil {
				order = append(order, order[k].Left, order[k].Right)
				if len(order) > 20000000 {
					return nil, ciWrongType{"the returned tree has a cycle"}
				}
			}
		}
		for len(order) > 0 && order[len(order)-1] == nil {
			order = order[:len(order)-1]
		}
		out := make([]interface{}, len(order))
		for k, node := range order {
			if node != nil {
				out[k] = node.Val
			}
		}
		return out, nil
	}
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int(), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return v.Uint(), nil
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		switch {
		case math.IsNaN(f):
			return "nan", nil
		case math.IsInf(f, 1):
			return "inf", nil
		case math.IsInf(f, -1):
			return "-inf", nil
		}
		return f, nil
	case reflect.Bool:
		return v.Bool(), nil
	case reflect.String:
		return v.String(), nil
	case reflect.Slice, reflect.Array:
		out := make([]interface{}, v.Len())
		for k := range out {
			item, err := ciTo(v.Index(k))
			if err != nil {
				return nil, err
			}
			out[k] = item
		}
		return out, nil
	case reflect.Interface, reflect.Ptr:
		if v.IsNil() {
			return nil, nil
		}
		return ciTo(v.Elem())
	}
	return nil, ciWrongType{"the judge cannot read a returned " + v.Type().String()}
}

// ---- calling the solution -----------------------------------------------------------------------------------
type ciTimer struct {
	t0      time.Time
	totalMs float64
}

func (t *ciTimer) start() { t.t0 = time.Now() }
func (t *ciTimer) stop() {
	t.totalMs += float64(time.Since(t.t0).Nanoseconds()) / 1e6
}

func ciArgs(fn reflect.Type, skip int, raw interface{}) ([]reflect.Value, error) {
	items, ok := raw.([]interface{})
	want := fn.NumIn() - skip
	if !ok || len(items) != want {
		return nil, ciBadInput{fmt.Sprintf("expected %d arguments, the solution declares a different number", want)}
	}
	args := make([]reflect.Value, len(items))
	for k, item := range items {
		value, err := ciFrom(item, fn.In(k+skip))
		if err != nil {
			return nil, err
		}
		args[k] = value
	}
	return args, nil
}

func ciResult(out []reflect.Value) (interface{}, error) {
	if len(out) == 0 {
		return nil, nil
	}
	return ciTo(out[0])
}

func ciCall(fn reflect.Value, args []reflect.Value, timer *ciTimer) []reflect.Value {
	timer.start()
	defer timer.stop()
	return fn.Call(args)
}

func ciRunFunction(test interface{}, timer *ciTimer) (interface{}, error) {
	fn := reflect.ValueOf(ciFunction)
	args, err := ciArgs(fn.Type(), 0, test)
	if err != nil {
		return nil, err
	}
	return ciResult(ciCall(fn, args, timer))
}

func ciRunDesign(test interface{}, timer *ciTimer) (interface{}, error) {
	pair, ok := test.([]interface{})
	if !ok || len(pair) != 2 {
		return nil, ciBadInput{"malformed test input"}
	}
	ops, ok1 := pair[0].([]interface{})
	args, ok2 := pair[1].([]interface{})
	if !ok1 || !ok2 || len(ops) != len(args) || len(ops) == 0 {
		return nil, ciBadInput{"malformed test input"}
	}
	ctor := reflect.ValueOf(ciConstructor)
	ctorArgs, err := ciArgs(ctor.Type(), 0, args[0])
	if err != nil {
		return nil, err
	}
	made := ciCall(ctor, ctorArgs, timer)
	if len(made) != 1 {
		return nil, ciBadInput{"Constructor must return the new object"}
	}
	obj := made[0]
	if obj.Kind() != reflect.Ptr {
		ptr := reflect.New(obj.Type())
		ptr.Elem().Set(obj)
		obj = ptr
	}
	out := []interface{}{nil}
	for k := 1; k < len(ops); k++ {
		name, _ := ops[k].(string)
		method, found := ciMethods[name]
		if !found {
			return nil, ciBadInput{"unknown operation " + name}
		}
		fn := reflect.ValueOf(method)
		callArgs, err := ciArgs(fn.Type(), 1, args[k])
		if err != nil {
			return nil, err
		}
		receiver := obj
		if fn.Type().In(0).Kind() != reflect.Ptr {
			receiver = obj.Elem()
		}
		value, err := ciResult(ciCall(fn, append([]reflect.Value{receiver}, callArgs...), timer))
		if err != nil {
			return nil, err
		}
		out = append(out, value)
	}
	return out, nil
}

func ciPanicText(p interface{}) string {
	lines := strings.Split(string(debug.Stack()), "\n")
	kept := []string{fmt.Sprintf("panic: %v", p)}
	if err, ok := p.(error); ok {
		kept[0] = "panic: " + err.Error()
	}
	for k := 0; k+1 < len(lines) && len(kept) < 21; k++ {
		if strings.Contains(lines[k+1], "solution.go:") {
			kept = append(kept, lines[k], lines[k+1])
			k++
		}
	}
	text := strings.Join(kept, "\n")
	if len(text) > ciCaptureCap {
		text = text[:ciCaptureCap]
	}
	return text
}

func ciRunTest(line []byte, timer *ciTimer) (status string, value json.RawMessage, message string) {
	defer func() {
		if p := recover(); p != nil {
			timer.stop()
			status, value, message = "error", nil, ciPanicText(p)
		}
	}()
	decoder := json.NewDecoder(bytes.NewReader(line))
	decoder.UseNumber()
	var test interface{}
	if err := decoder.Decode(&test); err != nil {
		return "error", nil, "invalid argument: malformed JSON in the test input"
	}
	var result interface{}
	var err error
	if ciDesign {
		result, err = ciRunDesign(test, timer)
	} else {
		result, err = ciRunFunction(test, timer)
	}
	var wrong ciWrongType
	var bad ciBadInput
	switch {
	case errors.As(err, &wrong):
		return "wrong_type", nil, wrong.msg
	case errors.As(err, &bad):
		return "error", nil, "invalid argument: " + bad.msg
	case err != nil:
		return "error", nil, err.Error()
	}
	data, err := json.Marshal(result)
	if err != nil {
		return "wrong_type", nil, "the returned value cannot be written as JSON: " + err.Error()
	}
	return "ok", data, ""
}

func main() {
	if len(os.Args) < 3 {
		os.Exit(2)
	}
	fd, err := strconv.Atoi(os.Args[2])
	if err != nil {
		os.Exit(2)
	}
	ciResultFd = fd
	if header, err := os.ReadFile(os.Args[1]); err == nil {
		var h struct {
			OutputLimit int64 `json:"output_limit"`
		}
		first := bytes.SplitN(header, []byte("\n"), 2)[0]
		if json.Unmarshal(first, &h) == nil && h.OutputLimit > 0 {
			ciOutputLimit = h.OutputLimit
		}
	}
	_ = os.Remove(os.Args[1])
	// The tests' pipe moves off fd 0: the solution's own stdin reads nothing.
	testsFd, err := syscall.Dup(0)
	if err != nil {
		os.Exit(2)
	}
	syscall.CloseOnExec(testsFd)
	if null, err := syscall.Open("/dev/null", syscall.O_RDONLY, 0); err == nil {
		_ = syscall.Dup3(null, 0, 0)
		_ = syscall.Close(null)
	}
	tests := bufio.NewReaderSize(os.NewFile(uintptr(testsFd), "tests"), 1<<16)
	stdout, stderr := os.Stdout, os.Stderr
	capture := &ciCapture{out: ciOpenCapture(".ci_stdout"), err: ciOpenCapture(".ci_stderr")}
	// Printing past RLIMIT_FSIZE: the kernel sends SIGXFSZ, which the Go runtime would ignore.
	flood := make(chan os.Signal, 1)
	signal.Notify(flood, syscall.SIGXFSZ)
	go func() {
		for range flood {
			ciLock.Lock()
			if ciRunning { // else the test is over, and the loop sees what it printed
				ciEmit(ciRecord{Index: ciCurrent, Status: "output_limit",
					Error: fmt.Sprintf("printed more than %d characters", ciOutputLimit)})
				os.Exit(0)
			}
			ciLock.Unlock()
		}
	}()
	ciEmit(ciRecord{Index: -1, Status: "ok"})
	for index := 0; ; index++ {
		line, err := tests.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) == 0 {
			if err != nil {
				break
			}
			index--
			continue
		}
		ciLock.Lock()
		ciCurrent, ciRunning = index, true
		ciLock.Unlock()
		timer := &ciTimer{}
		capture.begin()
		status, value, message := ciRunTest(line, timer)
		out, errText, printed := capture.end(stdout, stderr)
		ciLock.Lock()
		ciRunning = false
		if printed > ciOutputLimit {
			ciEmit(ciRecord{Index: index, Status: "output_limit", TimeMs: timer.totalMs, Stdout: out, Stderr: errText,
				Error: fmt.Sprintf("printed more than %d characters", ciOutputLimit)})
			break // the lock stays held: nothing else goes out
		}
		ciEmit(ciRecord{Index: index, Status: status, Value: value, Error: message, TimeMs: timer.totalMs,
			Stdout: out, Stderr: errText})
		ciLock.Unlock()
	}
	var usage syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &usage)
	ciLine([]byte(fmt.Sprintf(`{"event":"done","max_rss_kb":%d}`, usage.Maxrss)))
}
