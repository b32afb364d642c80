// Package zoomtime holds Zoom's forms of a date and time (UTC with Z, or a local wall-clock time read in a time
// zone), their parsing and conversion, and the Terraform string type whose values compare as instants. Meetings,
// webinars and the mail vacation responder use it.
package zoomtime

import (
	"context"
	"fmt"
	"regexp"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Zoom's wire forms of a start time (docs/development/zoom-api.md#start-times): UTC with a trailing Z, or a local wall-clock
// time read in the meeting's time zone. Terraform configurations may also give an RFC 3339 offset, which the
// provider converts to UTC before sending.
const (
	zoomUTCLayout   = "2006-01-02T15:04:05Z"
	zoomLocalLayout = "2006-01-02T15:04:05"
)

var timePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})?$`)

// ParsedTime is a start time as written in a configuration.
type ParsedTime struct {
	// Local is true for a wall-clock time without Z or offset; Wall then holds it (in UTC, meaning "no zone").
	Local bool
	// Instant is the moment for a time with Z or an offset.
	Instant time.Time
	Wall    time.Time
}

// ParseTime parses `yyyy-MM-ddTHH:mm:ss` optionally followed by `Z` or `±hh:mm`.
func ParseTime(s string) (ParsedTime, error) {
	if !timePattern.MatchString(s) {
		return ParsedTime{}, fmt.Errorf("%q is not a time of the form 2026-12-01T09:30:00Z, 2026-12-01T09:30:00+01:00 "+
			"or 2026-12-01T09:30:00 (local time in the meeting's time zone); whole seconds only", s)
	}
	if len(s) == len(zoomLocalLayout) {
		t, err := time.Parse(zoomLocalLayout, s)
		if err != nil {
			return ParsedTime{}, fmt.Errorf("%q is not a valid date and time: %v", s, err)
		}
		return ParsedTime{Local: true, Wall: t}, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return ParsedTime{}, fmt.Errorf("%q is not a valid date and time: %v", s, err)
	}
	return ParsedTime{Instant: t.UTC()}, nil
}

// In returns the instant of p, reading a local time in the IANA zone tz. ok is false when p is local and tz is
// empty or unknown.
func (p ParsedTime) In(tz string) (time.Time, bool) {
	if !p.Local {
		return p.Instant, true
	}
	if tz == "" {
		return time.Time{}, false
	}
	loc, err := time.LoadLocation(tz)
	if err != nil {
		return time.Time{}, false
	}
	w := p.Wall
	return time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), 0, loc).UTC(), true
}

// WireTime is the form Zoom is sent: UTC with Z for a time with a zone, the local form unchanged otherwise (Zoom
// then reads it in the request's timezone, or the host's).
func WireTime(s string) (string, error) {
	p, err := ParseTime(s)
	if err != nil {
		return "", err
	}
	if p.Local {
		return p.Wall.Format(zoomLocalLayout), nil
	}
	return p.Instant.Format(zoomUTCLayout), nil
}

// SameInstant reports whether the configured (or prior) value prior, read in time zone tz when it is local,
// denotes the same instant as Zoom's value api.
func SameInstant(prior, tz, api string) bool {
	p, err := ParseTime(prior)
	if err != nil {
		return false
	}
	a, err := ParseTime(api)
	if err != nil || a.Local {
		return false
	}
	t, ok := p.In(tz)
	return ok && t.Equal(a.Instant)
}

// KeepTime returns the value to store for a time Zoom reports as api (UTC): the prior value when it denotes the same
// instant (so the configuration's spelling survives and no diff appears), else Zoom's value.
func KeepTime(prior basetypes.StringValuable, tz, api string) TimeValue {
	if api == "" {
		return NewTimeNull()
	}
	if prior != nil {
		if p, err := prior.ToStringValue(context.Background()); err == nil && !p.IsNull() && !p.IsUnknown() &&
			SameInstant(p.ValueString(), tz, api) {
			return NewTimeValue(p.ValueString())
		}
	}
	return NewTimeValue(api)
}

// TimeType is a string type for Zoom times whose semantic equality compares instants: "2026-12-01T08:00:00Z" and
// "2026-12-01T09:00:00+01:00" are equal. Local times (no zone) are compared by the resource, which knows the time
// zone; here they are equal only to the identical string.
type TimeType struct {
	basetypes.StringType
}

var (
	_ basetypes.StringTypable                    = TimeType{}
	_ basetypes.StringValuableWithSemanticEquals = TimeValue{}
	_ xattr.ValidateableAttribute                = TimeValue{}
)

// String describes the type.
func (t TimeType) String() string { return "zoomtime.TimeType" }

// ValueType returns the value type.
func (t TimeType) ValueType(context.Context) attr.Value { return TimeValue{} }

// Equal reports whether o is a TimeType.
func (t TimeType) Equal(o attr.Type) bool {
	_, ok := o.(TimeType)
	return ok
}

// ValueFromString wraps a string value.
func (t TimeType) ValueFromString(_ context.Context, in basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
	return TimeValue{StringValue: in}, nil
}

// ValueFromTerraform converts a Terraform value.
func (t TimeType) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	v, err := t.StringType.ValueFromTerraform(ctx, in)
	if err != nil {
		return nil, err
	}
	s, ok := v.(basetypes.StringValue)
	if !ok {
		return nil, fmt.Errorf("unexpected value type %T", v)
	}
	return TimeValue{StringValue: s}, nil
}

// TimeValue is a value of TimeType.
type TimeValue struct {
	basetypes.StringValue
}

// NewTimeValue, NewTimeNull and NewTimeUnknown build values.
func NewTimeValue(s string) TimeValue { return TimeValue{StringValue: basetypes.NewStringValue(s)} }

// NewTimeNull returns a null time.
func NewTimeNull() TimeValue { return TimeValue{StringValue: basetypes.NewStringNull()} }

// NewTimeUnknown returns an unknown time.
func NewTimeUnknown() TimeValue { return TimeValue{StringValue: basetypes.NewStringUnknown()} }

// Type returns TimeType.
func (v TimeValue) Type(context.Context) attr.Type { return TimeType{} }

// Equal compares type and string.
func (v TimeValue) Equal(o attr.Value) bool {
	other, ok := o.(TimeValue)
	return ok && v.StringValue.Equal(other.StringValue)
}

// StringSemanticEquals reports whether both values denote the same instant.
func (v TimeValue) StringSemanticEquals(_ context.Context, newValuable basetypes.StringValuable) (bool, diag.Diagnostics) {
	var diags diag.Diagnostics
	nv, ok := newValuable.(TimeValue)
	if !ok {
		diags.AddError("Semantic equality check error", fmt.Sprintf("expected TimeValue, got %T", newValuable))
		return false, diags
	}
	if v.ValueString() == nv.ValueString() {
		return true, diags
	}
	a, errA := ParseTime(v.ValueString())
	b, errB := ParseTime(nv.ValueString())
	if errA != nil || errB != nil || a.Local || b.Local {
		return false, diags
	}
	return a.Instant.Equal(b.Instant), diags
}

// ValidateAttribute checks the format at plan time.
func (v TimeValue) ValidateAttribute(_ context.Context, req xattr.ValidateAttributeRequest, resp *xattr.ValidateAttributeResponse) {
	if v.IsNull() || v.IsUnknown() {
		return
	}
	if _, err := ParseTime(v.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid time", err.Error())
	}
}

// ValidateTimeAt is ValidateAttribute for callers that hold a plain string.
func ValidateTimeAt(p path.Path, s string, diags *diag.Diagnostics) {
	if _, err := ParseTime(s); err != nil {
		diags.AddAttributeError(p, "Invalid time", err.Error())
	}
}
