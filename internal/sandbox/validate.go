package sandbox

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strconv"
	"unicode/utf8"
)

// fieldReader reads typed, optional fields from a JSON object and collects
// validation errors ({"field":"user_info.email","message":"Invalid field."}).
// JSON null counts as absent. Types are strict: strings must be JSON strings,
// integers JSON integers, booleans JSON booleans.
type fieldReader struct {
	m      map[string]json.RawMessage
	prefix string
	errs   *[]fieldError
}

func newFieldReader(m map[string]json.RawMessage) *fieldReader {
	return &fieldReader{m: m, errs: &[]fieldError{}}
}

// errors returns the collected validation errors.
func (f *fieldReader) errors() []fieldError { return *f.errs }

// fail records an invalid field.
func (f *fieldReader) fail(name string) {
	*f.errs = append(*f.errs, fieldError{Field: f.prefix + name, Message: msgInvalidField})
}

// present reports whether name is in the object and not null.
func (f *fieldReader) present(name string) bool {
	raw, ok := f.m[name]
	return ok && !isNull(raw)
}

func isNull(raw json.RawMessage) bool {
	return bytes.Equal(bytes.TrimSpace(raw), []byte("null"))
}

// str reads a string of at most maxLen characters (0 = no limit).
func (f *fieldReader) str(name string, maxLen int) (string, bool) {
	if !f.present(name) {
		return "", false
	}
	var v string
	if err := json.Unmarshal(f.m[name], &v); err != nil || (maxLen > 0 && utf8.RuneCountInString(v) > maxLen) {
		f.fail(name)
		return "", false
	}
	return v, true
}

// integer reads a JSON integer (int64 range).
func (f *fieldReader) integer(name string) (int64, bool) {
	if !f.present(name) {
		return 0, false
	}
	raw := bytes.TrimSpace(f.m[name])
	n, err := strconv.ParseInt(string(raw), 10, 64)
	if err != nil {
		f.fail(name)
		return 0, false
	}
	return n, true
}

// boolean reads a JSON boolean.
func (f *fieldReader) boolean(name string) (bool, bool) {
	if !f.present(name) {
		return false, false
	}
	var v bool
	if err := json.Unmarshal(f.m[name], &v); err != nil {
		f.fail(name)
		return false, false
	}
	return v, true
}

// object returns a reader for a nested object, sharing the error list.
func (f *fieldReader) object(name string) (*fieldReader, bool) {
	sub := &fieldReader{m: map[string]json.RawMessage{}, prefix: f.prefix + name + ".", errs: f.errs}
	if !f.present(name) {
		return sub, false
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(f.m[name], &m); err != nil {
		f.fail(name)
		return sub, false
	}
	sub.m = m
	return sub, true
}

// array reads a JSON array of at most maxItems elements (0 = no limit).
func (f *fieldReader) array(name string, maxItems int) ([]json.RawMessage, bool) {
	if !f.present(name) {
		return nil, false
	}
	var v []json.RawMessage
	if err := json.Unmarshal(f.m[name], &v); err != nil || (maxItems > 0 && len(v) > maxItems) {
		f.fail(name)
		return nil, false
	}
	return v, true
}

// element returns a reader for the i-th object of array name.
func (f *fieldReader) element(name string, i int, raw json.RawMessage) (*fieldReader, bool) {
	sub := &fieldReader{m: map[string]json.RawMessage{}, prefix: f.prefix + name + "[" + strconv.Itoa(i) + "].", errs: f.errs}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil || m == nil {
		*f.errs = append(*f.errs, fieldError{Field: f.prefix + name + "[" + strconv.Itoa(i) + "]", Message: msgInvalidField})
		return sub, false
	}
	sub.m = m
	return sub, true
}

// userRef is one {id, email} object of a request body that names users (the id wins when both are set).
type userRef struct{ id, email string }

// userRefs reads the required array name of {id, email} objects (at most maxItems), failing the array when it is
// missing or malformed and an element that names no user.
func (f *fieldReader) userRefs(name string, maxItems int) []userRef {
	raw, has := f.array(name, maxItems)
	if !has && !containsField(f.errors(), name) {
		f.fail(name)
	}
	var refs []userRef
	for i, el := range raw {
		ef, ok := f.element(name, i, el)
		if !ok {
			continue
		}
		id, _ := ef.str("id", 0)
		email, _ := ef.str("email", 0)
		if id == "" && email == "" {
			f.fail(name + "[" + strconv.Itoa(i) + "]")
		}
		refs = append(refs, userRef{id, email})
	}
	return refs
}

// stringList reads an array of strings.
func (f *fieldReader) stringList(name string, maxItems int) ([]string, bool) {
	if !f.present(name) {
		return nil, false
	}
	var v []string
	if err := json.Unmarshal(f.m[name], &v); err != nil || (maxItems > 0 && len(v) > maxItems) {
		f.fail(name)
		return nil, false
	}
	if v == nil {
		v = []string{}
	}
	return v, true
}

var emailPattern = regexp.MustCompile(`^[^@\s"<>(),;:\\\[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$`)

// validEmail is a pragmatic e-mail syntax check (max 128 characters).
func validEmail(s string) bool {
	return len(s) <= 128 && emailPattern.MatchString(s)
}
