package ephemeral

import (
	"context"
	"encoding/base64"
	"strconv"
	"testing"
	"time"

	ephem "github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// TestMeetingIDValidatedBySchema checks that the schema itself (so terraform validate and plan, before any API
// call) rejects malformed meeting IDs.
func TestMeetingIDValidatedBySchema(t *testing.T) {
	var resp ephem.SchemaResponse
	NewMeetingStartURL().Schema(context.Background(), ephem.SchemaRequest{}, &resp)
	attr, ok := resp.Schema.Attributes["meeting_id"].(schema.StringAttribute)
	if !ok || len(attr.Validators) == 0 {
		t.Fatal("meeting_id has no validator")
	}
	for in, wantErr := range map[string]bool{
		"85746065432": false, "1": false,
		"": true, "abc": true, "0": true, "-5": true, "+5": true, " 5": true, "05": true, "5.0": true, "99999999999999999999": true,
	} {
		var vr validator.StringResponse
		for _, v := range attr.Validators {
			v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("meeting_id"), ConfigValue: types.StringValue(in)}, &vr)
		}
		if vr.Diagnostics.HasError() != wantErr {
			t.Errorf("meeting_id %q: error = %v, want %v", in, vr.Diagnostics, wantErr)
		}
	}
}

func TestStartURLExpiry(t *testing.T) {
	fetched := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	enc := base64.RawURLEncoding
	jwt := func(payload string) string {
		return enc.EncodeToString([]byte(`{"alg":"HS256"}`)) + "." + enc.EncodeToString([]byte(payload)) + ".sig"
	}
	exp := fetched.Add(90 * 24 * time.Hour)
	for name, tc := range map[string]struct {
		url  string
		want time.Time
	}{
		"exp claim (custCreate host)": {"https://zoom.us/s/85746065432?zak=" + jwt(`{"exp":`+strconv.FormatInt(exp.Unix(), 10)+`}`), exp},
		"no exp claim":                {"https://zoom.us/s/85746065432?zak=" + jwt(`{"iat":1}`), fetched.Add(2 * time.Hour)},
		"opaque token":                {"https://zoom.us/s/85746065432?zak=opaque", fetched.Add(2 * time.Hour)},
		"no token":                    {"https://zoom.us/s/85746065432", fetched.Add(2 * time.Hour)},
		"garbage payload":             {"https://zoom.us/s/85746065432?zak=a.!!!.c", fetched.Add(2 * time.Hour)},
	} {
		if got := startURLExpiry(tc.url, fetched); !got.Equal(tc.want) {
			t.Errorf("%s: got %s, want %s", name, got, tc.want)
		}
	}
}
