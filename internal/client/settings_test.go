package client

import (
	"context"
	"testing"
)

func TestSettingsReadDecodesScalarsPerSection(t *testing.T) {
	c, reqs := captureServer(t, 200, `{"recording":{"cloud_recording":true,"auto_delete_cmr_days":30,"auto_recording":"cloud",
		"ratio":1.5,"ip_address_access_control":{"enable":true}},"profile":"not a section"}`)
	ctx := context.Background()
	got, err := c.Settings.GetUser(ctx, "u1", OptionMeetingSecurity)
	if err != nil {
		t.Fatal(err)
	}
	r := reqs()[0]
	if r.method != "GET" || r.path != "/v2/users/u1/settings" || r.rawQuery != "option=meeting_security" {
		t.Fatalf("request = %s %s?%s", r.method, r.path, r.rawQuery)
	}
	rec := got["recording"]
	if rec["cloud_recording"] != true || rec["auto_delete_cmr_days"] != int64(30) || rec["auto_recording"] != "cloud" ||
		rec["ratio"] != 1.5 || len(rec) != 4 || len(got) != 1 {
		t.Fatalf("decoded %#v", got)
	}
}

// Every settings operation sends its path, option and body.
func TestSettingsOperationsSendTheirPath(t *testing.T) {
	c, reqs := captureServer(t, 200, `{}`)
	ctx := context.Background()
	body := Settings{"recording": {"cloud_recording": true}}
	calls := []struct {
		do         func() error
		method, to string
	}{
		{func() error { _, err := c.Settings.GetAccount(ctx, ""); return err }, "GET", "/v2/accounts/me/settings"},
		{func() error { return c.Settings.UpdateAccount(ctx, "", body) }, "PATCH", "/v2/accounts/me/settings"},
		{func() error { _, err := c.Settings.GetAccountLocks(ctx, ""); return err }, "GET", "/v2/accounts/me/lock_settings"},
		{func() error { return c.Settings.UpdateAccountLocks(ctx, "", body) }, "PATCH", "/v2/accounts/me/lock_settings"},
		{func() error { _, err := c.Settings.GetGroup(ctx, "g1", ""); return err }, "GET", "/v2/groups/g1/settings"},
		{func() error { return c.Settings.UpdateGroup(ctx, "g1", "", body) }, "PATCH", "/v2/groups/g1/settings"},
		{func() error { _, err := c.Settings.GetGroupLocks(ctx, "g1", ""); return err }, "GET", "/v2/groups/g1/lock_settings"},
		{func() error { return c.Settings.UpdateGroupLocks(ctx, "g1", "", body) }, "PATCH", "/v2/groups/g1/lock_settings"},
		{func() error { return c.Settings.UpdateUser(ctx, "u1", "", body) }, "PATCH", "/v2/users/u1/settings"},
	}
	for i, call := range calls {
		if err := call.do(); err != nil {
			t.Fatalf("%s %s: %v", call.method, call.to, err)
		}
		r := reqs()[i]
		if r.method != call.method || r.path != call.to || r.rawQuery != "" {
			t.Errorf("request %d = %s %s?%s, want %s %s", i, r.method, r.path, r.rawQuery, call.method, call.to)
		}
		if call.method == "PATCH" && r.rawBody != `{"recording":{"cloud_recording":true}}` {
			t.Errorf("%s body = %s", call.to, r.rawBody)
		}
	}
	if err := c.Settings.UpdateUser(ctx, "u1", "", Settings{}); err == nil {
		t.Error("an empty update was sent")
	}
}
