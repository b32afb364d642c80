package sandbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// Account, group and user settings and lock settings (operations accountSettings, accountSettingsUpdate,
// getAccountLockSettings, updateAccountLockSettings, getGroupSettings, updateGroupSettings, getGroupLockSettings,
// groupLockedSettings, userSettings, userSettingsUpdate).
//
// The sandbox emulates a part of Zoom's settings trees: the settings of settingDefs. Every level stores only the
// values written to it; what a GET shows is resolved the way Zoom applies locks (docs/development/zoom-api.md#settings):
// a setting locked at account level shows the account's value on every group and user; else a setting locked by a
// group of the user shows that group's value; else the user's (group's) own value; else the value it inherits
// (the user's first group, then the account), else the plan's default.
//
// The meeting_security section is only read and written with the option=meeting_security query parameter, as
// the operations document; the other sections without it.

// Levels of a setting.
const (
	lvAccount uint8 = 1 << iota
	lvGroup
	lvUser
)

// settingDef is one emulated setting.
type settingDef struct {
	section, name string
	kind          byte // 'b' boolean, 'i' integer, 's' string
	ints          []int64
	strs          []string
	maxLen        int
	// levels are the settings objects that have it, locks the lock-settings objects (account, group) that have it.
	levels, locks uint8
	// userName is the key in the user settings when it differs from name (the key of account and group settings
	// and of the lock settings).
	userName string
	// def is the default on Pro and Business plans, free the one on the free plan when it differs.
	def, free any
}

func (d settingDef) key() string { return d.section + "." + d.name }

// wire is the key of d in the settings object of level lv.
func (d settingDef) wire(lv uint8) string {
	if lv == lvUser && d.userName != "" {
		return d.userName
	}
	return d.name
}

const (
	lvAll   = lvAccount | lvGroup | lvUser
	lkBoth  = lvAccount | lvGroup
	secMS   = "meeting_security"
	secFeat = "feature"
)

var settingDefs = []settingDef{
	{section: "schedule_meeting", name: "host_video", kind: 'b', levels: lvAll, locks: lkBoth, def: false},
	{section: "schedule_meeting", name: "participant_video", userName: "participants_video", kind: 'b', levels: lvAll, locks: lkBoth, def: false},
	{section: "schedule_meeting", name: "join_before_host", kind: 'b', levels: lvAll, locks: lkBoth, def: false},
	{section: "schedule_meeting", name: "require_password_for_scheduling_new_meetings", kind: 'b', levels: lvAll, locks: lkBoth, def: true},
	{section: "schedule_meeting", name: "use_pmi_for_scheduled_meetings", kind: 'b', levels: lvAccount | lvUser, locks: lvAccount, def: false},
	{section: "schedule_meeting", name: "use_pmi_for_instant_meetings", kind: 'b', levels: lvAccount | lvUser, locks: lvAccount, def: false},
	{section: "schedule_meeting", name: "audio_type", kind: 's', strs: []string{"both", "telephony", "voip", "thirdParty"}, levels: lvAll, locks: lkBoth, def: "both", free: "voip"},

	{section: "in_meeting", name: "chat", kind: 'b', levels: lvAll, locks: lkBoth, def: true},
	{section: "in_meeting", name: "private_chat", kind: 'b', levels: lvAll, locks: lkBoth, def: true},
	{section: "in_meeting", name: "screen_sharing", kind: 'b', levels: lvAll, locks: lkBoth, def: true},
	{section: "in_meeting", name: "who_can_share_screen", kind: 's', strs: []string{"host", "all"}, levels: lvAll, def: "host"},
	{section: "in_meeting", name: "breakout_room", kind: 'b', levels: lvAll, locks: lkBoth, def: false},
	{section: "in_meeting", name: "co_host", kind: 'b', levels: lvAll, locks: lkBoth, def: false},
	{section: "in_meeting", name: "file_transfer", kind: 'b', levels: lvAll, locks: lkBoth, def: false},
	{section: "in_meeting", name: "polling", kind: 'b', levels: lvAll, locks: lkBoth, def: true},

	{section: "email_notification", name: "jbh_reminder", kind: 'b', levels: lvAll, locks: lkBoth, def: true},
	{section: "email_notification", name: "cancel_meeting_reminder", kind: 'b', levels: lvAll, locks: lkBoth, def: true},
	{section: "email_notification", name: "alternative_host_reminder", kind: 'b', levels: lvAll, locks: lkBoth, def: true},
	{section: "email_notification", name: "schedule_for_reminder", kind: 'b', levels: lvAll, locks: lkBoth, def: true},
	{section: "email_notification", name: "cloud_recording_available_reminder", kind: 'b', levels: lvAll, locks: lkBoth, def: true},

	{section: "recording", name: "local_recording", kind: 'b', levels: lvAll, locks: lkBoth, def: true},
	{section: "recording", name: "cloud_recording", kind: 'b', levels: lvAll, locks: lkBoth, def: true, free: false},
	{section: "recording", name: "auto_recording", kind: 's', strs: []string{"local", "cloud", "none"}, levels: lvAll, locks: lkBoth, def: "none"},
	{section: "recording", name: "auto_delete_cmr", kind: 'b', levels: lvAccount | lvUser, locks: lkBoth, def: false},
	{section: "recording", name: "auto_delete_cmr_days", kind: 'i', ints: []int64{30, 60, 90, 120}, levels: lvAccount | lvUser, def: int64(30)},
	{section: "recording", name: "host_delete_cloud_recording", kind: 'b', levels: lvAccount | lvGroup, locks: lkBoth, def: true},
	{section: "recording", name: "record_audio_file", kind: 'b', levels: lvAll, def: true},
	{section: "recording", name: "save_chat_text", kind: 'b', levels: lvAll, def: true},

	{section: "telephony", name: "third_party_audio", kind: 'b', levels: lvAll, locks: lkBoth, def: false},
	{section: "telephony", name: "audio_conference_info", kind: 's', maxLen: 2048, levels: lvAll, def: ""},

	{section: secMS, name: "waiting_room", kind: 'b', levels: lvAll, locks: lkBoth, def: true},
	{section: secMS, name: "embed_password_in_join_link", kind: 'b', levels: lvAll, locks: lkBoth, def: true},
	{section: secMS, name: "only_authenticated_can_join_from_webclient", kind: 'b', levels: lvAll, locks: lkBoth, def: false},
	{section: secMS, name: "end_to_end_encrypted_meetings", kind: 'b', levels: lvAll, locks: lkBoth, def: false},
	{section: secMS, name: "encryption_type", kind: 's', strs: []string{"enhanced_encryption", "e2ee"}, levels: lvAll, def: "enhanced_encryption"},
	{section: secMS, name: "meeting_password", kind: 'b', levels: lvAll, locks: lkBoth, def: true},
	{section: secMS, name: "pmi_password", kind: 'b', levels: lvAll, locks: lkBoth, def: true},
	{section: secMS, name: "phone_password", kind: 'b', levels: lvAll, locks: lkBoth, def: false},
	{section: secMS, name: "webinar_password", kind: 'b', levels: lvAll, locks: lkBoth, def: false},
	{section: secMS, name: "auto_security", kind: 'b', levels: lvAll, locks: lkBoth, def: true},
	{section: secMS, name: "require_password_for_scheduled_meeting", kind: 'b', levels: lvAll, def: true},
	{section: secMS, name: "block_user_domain", kind: 'b', levels: lvAll, locks: lkBoth, def: false},

	// feature: the user's licences (userSettingsUpdate documents their errors). meeting_capacity is the plan's.
	{section: secFeat, name: "meeting_capacity", kind: 'i', levels: lvUser, def: int64(300), free: int64(100)},
	{section: secFeat, name: "large_meeting", kind: 'b', levels: lvUser, def: false},
	{section: secFeat, name: "large_meeting_capacity", kind: 'i', ints: []int64{500, 1000}, levels: lvUser, def: int64(500)},
	{section: secFeat, name: "webinar", kind: 'b', levels: lvUser, def: false},
	{section: secFeat, name: "webinar_capacity", kind: 'i', ints: []int64{100, 500, 501, 1000, 1001, 3000, 5000, 10000}, levels: lvUser, def: int64(500)},
}

var settingDefsByKey = func() map[string]*settingDef {
	m := map[string]*settingDef{}
	for i := range settingDefs {
		m[settingDefs[i].key()] = &settingDefs[i]
	}
	return m
}()

// userSettingDefs are the definitions by the keys of the user settings object.
var userSettingDefs = func() map[string]*settingDef {
	m := map[string]*settingDef{}
	for i := range settingDefs {
		d := &settingDefs[i]
		m[d.section+"."+d.wire(lvUser)] = d
	}
	return m
}()

// settingsValues are stored values keyed "section.name".
type settingsValues map[string]any

// Messages of the settings operations. The spec documents the paid-plan and not-found answers and the add-on
// ones of userSettingsUpdate; the lock refusal is sandbox wording (LockedSettingUpdate "error").
const (
	msgSettingsPaidOnly   = "Only available for paid account: %s."
	msgGroupNotExist      = "Group does not exist: %s."
	msgAccountNotExist    = "Account does not exist: %s."
	msgWebinarBasic       = "Webinar feature can only be enabled for Licensed or On-prem users."
	msgLargeMeetingBasic  = "Only Licensed or On-prem users can enable the large meeting feature."
	msgAddonMax           = "You can add max %d %s %d users."
	msgSettingLocked      = "The setting %s is locked by the %s and cannot be changed."
	codeAccountNotFound   = 2001
	codeWebinarBasic      = 1122
	codeLargeMeetingBasic = 1108
)

// Values of Profile.LockedSettingUpdate.
const (
	LockedSettingIgnore = "ignore"
	LockedSettingError  = "error"
)

func settingsRoutes() []*route {
	acctRead := []string{"account:read:admin", "account:write:admin"}
	acctWrite := []string{"account:write:admin"}
	userRead := []string{"user:read:admin", "user:read", "user:write:admin", "user:write"}
	userWrite := []string{"user:write:admin", "user:write"}
	grpRead := []string{"group:read:admin", "group:write:admin"}
	grpWrite := []string{"group:write:admin"}
	return []*route{
		{method: http.MethodGet, pattern: "/v2/accounts/{accountId}/settings", category: CategoryMedium, macroScopes: acctRead,
			granularScopes: []string{"account:read:settings:admin"}, handler: (*call).getAccountSettings},
		{method: http.MethodPatch, pattern: "/v2/accounts/{accountId}/settings", category: CategoryMedium, macroScopes: acctWrite,
			granularScopes: []string{"account:update:settings:admin"}, handler: (*call).updateAccountSettings},
		{method: http.MethodGet, pattern: "/v2/accounts/{accountId}/lock_settings", category: CategoryMedium, macroScopes: acctRead,
			granularScopes: []string{"account:read:lock_settings:admin"}, handler: (*call).getAccountLocks},
		{method: http.MethodPatch, pattern: "/v2/accounts/{accountId}/lock_settings", category: CategoryMedium, macroScopes: acctWrite,
			granularScopes: []string{"account:update:lock_settings:admin"}, handler: (*call).updateAccountLocks},
		{method: http.MethodGet, pattern: "/v2/groups/{groupId}/settings", category: CategoryMedium, macroScopes: grpRead,
			granularScopes: []string{"group:read:settings:admin"}, handler: (*call).getGroupSettings},
		{method: http.MethodPatch, pattern: "/v2/groups/{groupId}/settings", category: CategoryMedium, macroScopes: grpWrite,
			granularScopes: []string{"group:update:settings:admin"}, handler: (*call).updateGroupSettings},
		{method: http.MethodGet, pattern: "/v2/groups/{groupId}/lock_settings", category: CategoryMedium, macroScopes: grpRead,
			granularScopes: []string{"group:read:lock_settings:admin"}, handler: (*call).getGroupLocks},
		{method: http.MethodPatch, pattern: "/v2/groups/{groupId}/lock_settings", category: CategoryMedium, macroScopes: grpWrite,
			granularScopes: []string{"group:update:lock_settings:admin"}, handler: (*call).updateGroupLocks},
		{method: http.MethodGet, pattern: "/v2/users/{userId}/settings", category: CategoryMedium, macroScopes: userRead,
			granularScopes: []string{"user:read:settings", "user:read:settings:admin"}, handler: (*call).getUserSettings},
		{method: http.MethodPatch, pattern: "/v2/users/{userId}/settings", category: CategoryMedium, macroScopes: userWrite,
			granularScopes: []string{"user:update:settings", "user:update:settings:admin"}, handler: (*call).updateUserSettings},
	}
}

// --- resolution ------------------------------------------------------------------------------------------------

func (c *call) planDefault(d *settingDef) any {
	if c.profile.Plan == PlanFree && d.free != nil {
		return d.free
	}
	return d.def
}

func (c *call) accountValue(d *settingDef) any {
	if v, ok := c.s.st.AccountSettings[d.key()]; ok {
		return v
	}
	return c.planDefault(d)
}

func (c *call) accountLocked(d *settingDef) bool { return c.s.st.AccountLocks[d.key()] }

func (c *call) groupValue(gid string, d *settingDef) any {
	if c.accountLocked(d) {
		return c.accountValue(d)
	}
	if v, ok := c.s.st.GroupSettings[gid][d.key()]; ok {
		return v
	}
	return c.accountValue(d)
}

// userLock names what locks d for u ("" = nothing) and the group id when a group does.
func (c *call) userLock(u *user, d *settingDef) (lock, gid string) {
	if c.accountLocked(d) {
		return "account", ""
	}
	for _, g := range u.GroupIDs {
		if c.s.st.GroupLocks[g][d.key()] {
			return "group " + g, g
		}
	}
	return "", ""
}

func (c *call) userValue(u *user, d *settingDef) any {
	if lock, gid := c.userLock(u, d); lock == "account" {
		return c.accountValue(d)
	} else if gid != "" {
		return c.groupValue(gid, d)
	}
	if d.section == secFeat {
		return c.featureValue(u, d)
	}
	if v, ok := c.s.st.UserSettings[u.ID][d.key()]; ok {
		return v
	}
	if len(u.GroupIDs) > 0 {
		return c.groupValue(u.GroupIDs[0], d)
	}
	return c.accountValue(d)
}

// featureValue is a user's licence setting. Without AddonSeats (the default), a licensed user holds the webinar
// licence as the sandbox always granted it (WebinarAddon, WebinarUnlicensedUsers); with AddonSeats a licence is
// held only once granted through userSettingsUpdate.
func (c *call) featureValue(u *user, d *settingDef) any {
	if v, ok := c.s.st.UserSettings[u.ID][d.key()]; ok {
		return v
	}
	switch d.name {
	case "webinar":
		return c.profile.AddonSeats == nil && c.profile.WebinarAddon && !c.profile.webinarUnlicensed(u)
	case "meeting_capacity":
		if u.Type == 1 {
			return int64(100)
		}
	}
	return c.planDefault(d)
}

// userHasWebinar reports whether u may host webinars (the webinar add-on of the account and u's licence).
func (c *call) userHasWebinar(u *user) bool {
	if u == nil {
		return c.profile.WebinarAddon
	}
	if !c.profile.WebinarAddon {
		return false
	}
	if c.profile.webinarUnlicensed(u) {
		return false
	}
	v, _ := c.featureValue(u, settingDefsByKey["feature.webinar"]).(bool)
	return v
}

// render builds the answer object of the sections of level lv (meeting_security only with option).
func (c *call) renderSettings(lv uint8, value func(*settingDef) any) map[string]map[string]any {
	ms := c.query("option") == secMS
	out := map[string]map[string]any{}
	for i := range settingDefs {
		d := &settingDefs[i]
		if d.levels&lv == 0 || (d.section == secMS) != ms {
			continue
		}
		if out[d.section] == nil {
			out[d.section] = map[string]any{}
		}
		out[d.section][d.wire(lv)] = normalise(d, value(d))
	}
	return out
}

func (c *call) renderLocks(lv uint8, locked func(*settingDef) bool) map[string]map[string]any {
	ms := c.query("option") == secMS
	out := map[string]map[string]any{}
	for i := range settingDefs {
		d := &settingDefs[i]
		if d.locks&lv == 0 || (d.section == secMS) != ms {
			continue
		}
		if out[d.section] == nil {
			out[d.section] = map[string]any{}
		}
		out[d.section][d.name] = locked(d)
	}
	return out
}

// normalise returns v in the kind of d (persisted integers come back as float64).
func normalise(d *settingDef, v any) any {
	if d.kind == 'i' {
		switch n := v.(type) {
		case float64:
			return int64(n)
		case int:
			return int64(n)
		}
	}
	return v
}

// settingsPatch is one accepted value of a PATCH body.
type settingsPatch struct {
	def *settingDef
	val any
}

// readSettingsBody parses a PATCH body for level lv: unknown sections and keys are ignored (the sandbox emulates
// a part of the tree), meeting_security is only taken with option=meeting_security, values of the wrong type or
// outside their enumeration are 400 code 300.
func (c *call) readSettingsBody(lv uint8, locks bool) ([]settingsPatch, *apiResponse) {
	body, ok := decodeObject(c.body)
	if !ok {
		return nil, ptr(errResp(http.StatusBadRequest, codeValidation, msgInvalidJSON))
	}
	ms := c.query("option") == secMS
	var out []settingsPatch
	var errs []fieldError
	for secName, raw := range body {
		if (secName == secMS) != ms {
			continue
		}
		var sec map[string]json.RawMessage
		if err := json.Unmarshal(raw, &sec); err != nil {
			errs = append(errs, fieldError{Field: secName, Message: "Invalid field."})
			continue
		}
		names := make([]string, 0, len(sec))
		for k := range sec {
			names = append(names, k)
		}
		slices.Sort(names)
		for _, name := range names {
			d := settingDefsByKey[secName+"."+name]
			if lv == lvUser && !locks {
				d = userSettingDefs[secName+"."+name]
			}
			if d == nil || (!locks && d.levels&lv == 0) || (locks && d.locks&lv == 0) {
				continue
			}
			v, good := decodeSetting(d, sec[name], locks)
			if !good {
				errs = append(errs, fieldError{Field: secName + "." + name, Message: "Invalid field."})
				continue
			}
			out = append(out, settingsPatch{def: d, val: v})
		}
	}
	if len(errs) > 0 {
		return nil, ptr(validationResp(errs))
	}
	return out, nil
}

func decodeSetting(d *settingDef, raw json.RawMessage, lock bool) (any, bool) {
	if lock || d.kind == 'b' {
		var b bool
		return b, json.Unmarshal(raw, &b) == nil
	}
	if d.kind == 'i' {
		var n int64
		if json.Unmarshal(raw, &n) != nil {
			return nil, false
		}
		return n, len(d.ints) == 0 || slices.Contains(d.ints, n)
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return nil, false
	}
	if d.maxLen > 0 && len([]rune(s)) > d.maxLen {
		return nil, false
	}
	return s, len(d.strs) == 0 || slices.Contains(d.strs, s)
}

// paidOnly answers the paid-plan refusal the settings operations document for a free account.
func (c *call) paidOnly() *apiResponse {
	if c.profile.Plan == PlanFree {
		return ptr(errResp(http.StatusBadRequest, codeNoPermission, fmt.Sprintf(msgSettingsPaidOnly, c.profile.AccountID)))
	}
	return nil
}

// pathAccount resolves {accountId}: "me" or the account's own id; another id answers code 2001 with HTTP 404,
// except getAccountLockSettings, which documents it with 400.
func (c *call) pathAccount() *apiResponse {
	id := c.params["accountId"]
	if id != "me" && id != c.profile.AccountID {
		status := http.StatusNotFound
		if c.r.Method == http.MethodGet && strings.HasSuffix(c.r.URL.Path, "/lock_settings") {
			status = http.StatusBadRequest
		}
		return ptr(errResp(status, codeAccountNotFound, fmt.Sprintf(msgAccountNotExist, id)))
	}
	return c.paidOnly()
}

// lockedResp is the LockedSettingUpdate "error" answer for d locked by lock.
func lockedResp(d *settingDef, lock string) *apiResponse {
	return ptr(errResp(http.StatusBadRequest, codeValidation, fmt.Sprintf(msgSettingLocked, d.key(), lock)))
}

// --- account ---------------------------------------------------------------------------------------------------

func (c *call) getAccountSettings() apiResponse {
	if bad := c.pathAccount(); bad != nil {
		return *bad
	}
	return jsonResp(http.StatusOK, c.renderSettings(lvAccount, c.accountValue))
}

func (c *call) updateAccountSettings() apiResponse {
	if bad := c.pathAccount(); bad != nil {
		return *bad
	}
	patch, bad := c.readSettingsBody(lvAccount, false)
	if bad != nil {
		return *bad
	}
	st := c.s.st
	if st.AccountSettings == nil {
		st.AccountSettings = settingsValues{}
	}
	for _, p := range patch {
		st.AccountSettings[p.def.key()] = p.val
	}
	c.s.dirty = true
	return noContent()
}

func (c *call) getAccountLocks() apiResponse {
	if bad := c.pathAccount(); bad != nil {
		return *bad
	}
	return jsonResp(http.StatusOK, c.renderLocks(lvAccount, c.accountLocked))
}

func (c *call) updateAccountLocks() apiResponse {
	if bad := c.pathAccount(); bad != nil {
		return *bad
	}
	patch, bad := c.readSettingsBody(lvAccount, true)
	if bad != nil {
		return *bad
	}
	st := c.s.st
	if st.AccountLocks == nil {
		st.AccountLocks = map[string]bool{}
	}
	for _, p := range patch {
		st.AccountLocks[p.def.key()] = p.val.(bool)
	}
	c.s.dirty = true
	return noContent()
}

// --- groups ----------------------------------------------------------------------------------------------------

// settingsGroup resolves {groupId}: 404 code 4130 for a group the account does not have.
func (c *call) settingsGroup() (string, *apiResponse) {
	if bad := c.paidOnly(); bad != nil {
		return "", bad
	}
	gid := c.params["groupId"]
	if c.s.st.groupsByID[gid] == nil {
		return "", ptr(errResp(http.StatusNotFound, codeGroupNotFound, fmt.Sprintf(msgGroupNotExist, gid)))
	}
	return gid, nil
}

func (c *call) getGroupSettings() apiResponse {
	gid, bad := c.settingsGroup()
	if bad != nil {
		return *bad
	}
	return jsonResp(http.StatusOK, c.renderSettings(lvGroup, func(d *settingDef) any { return c.groupValue(gid, d) }))
}

func (c *call) updateGroupSettings() apiResponse {
	gid, bad := c.settingsGroup()
	if bad != nil {
		return *bad
	}
	patch, bad := c.readSettingsBody(lvGroup, false)
	if bad != nil {
		return *bad
	}
	var keep []settingsPatch
	for _, p := range patch {
		if c.accountLocked(p.def) {
			if c.profile.LockedSettingUpdate == LockedSettingError {
				return *lockedResp(p.def, "account")
			}
			continue
		}
		keep = append(keep, p)
	}
	st := c.s.st
	if st.GroupSettings == nil {
		st.GroupSettings = map[string]settingsValues{}
	}
	if st.GroupSettings[gid] == nil {
		st.GroupSettings[gid] = settingsValues{}
	}
	for _, p := range keep {
		st.GroupSettings[gid][p.def.key()] = p.val
	}
	c.s.dirty = true
	return noContent()
}

func (c *call) getGroupLocks() apiResponse {
	gid, bad := c.settingsGroup()
	if bad != nil {
		return *bad
	}
	return jsonResp(http.StatusOK, c.renderLocks(lvGroup, func(d *settingDef) bool { return c.s.st.GroupLocks[gid][d.key()] }))
}

func (c *call) updateGroupLocks() apiResponse {
	gid, bad := c.settingsGroup()
	if bad != nil {
		return *bad
	}
	patch, bad := c.readSettingsBody(lvGroup, true)
	if bad != nil {
		return *bad
	}
	st := c.s.st
	if st.GroupLocks == nil {
		st.GroupLocks = map[string]map[string]bool{}
	}
	if st.GroupLocks[gid] == nil {
		st.GroupLocks[gid] = map[string]bool{}
	}
	for _, p := range patch {
		st.GroupLocks[gid][p.def.key()] = p.val.(bool)
	}
	c.s.dirty = true
	return noContent()
}

// --- users -----------------------------------------------------------------------------------------------------

func (c *call) getUserSettings() apiResponse {
	u := c.findUser(c.params["userId"])
	if u == nil {
		return userNotFound(c.params["userId"])
	}
	return jsonResp(http.StatusOK, c.renderSettings(lvUser, func(d *settingDef) any { return c.userValue(u, d) }))
}

func (c *call) updateUserSettings() apiResponse {
	u := c.findUser(c.params["userId"])
	if u == nil {
		return userNotFound(c.params["userId"])
	}
	patch, bad := c.readSettingsBody(lvUser, false)
	if bad != nil {
		return *bad
	}
	var keep []settingsPatch
	for _, p := range patch {
		if lock, _ := c.userLock(u, p.def); lock != "" {
			if c.profile.LockedSettingUpdate == LockedSettingError {
				return *lockedResp(p.def, lock)
			}
			continue
		}
		keep = append(keep, p)
	}
	if bad := c.checkAddons(u, keep); bad != nil {
		return *bad
	}
	st := c.s.st
	if st.UserSettings == nil {
		st.UserSettings = map[string]settingsValues{}
	}
	if st.UserSettings[u.ID] == nil {
		st.UserSettings[u.ID] = settingsValues{}
	}
	for _, p := range keep {
		st.UserSettings[u.ID][p.def.key()] = p.val
	}
	c.s.dirty = true
	return noContent()
}

// addon describes a licence of the feature section: its switch, capacity key and the name of its seats in Zoom's
// "You can add max N <name> <capacity> users." answer.
type addon struct {
	flag, capacity, label, basicMsg string
	basicCode                       int
}

var addons = []addon{
	{flag: "webinar", capacity: "webinar_capacity", label: "Webinar", basicMsg: msgWebinarBasic, basicCode: codeWebinarBasic},
	{flag: "large_meeting", capacity: "large_meeting_capacity", label: "Large", basicMsg: msgLargeMeetingBasic, basicCode: codeLargeMeetingBasic},
}

// AddonSeatKey is the key of Profile.AddonSeats for an add-on ("webinar" or "large_meeting") and capacity.
func AddonSeatKey(name string, capacity int64) string {
	return name + "_" + strconv.FormatInt(capacity, 10)
}

// checkAddons refuses licences a Basic user cannot hold (1122, 1108) and, with AddonSeats, licences beyond the
// account's seats of that add-on and capacity (400 code 200, userSettingsUpdate).
func (c *call) checkAddons(u *user, patch []settingsPatch) *apiResponse {
	vals := map[string]any{}
	for _, p := range patch {
		if p.def.section == secFeat {
			vals[p.def.name] = p.val
		}
	}
	for _, a := range addons {
		on, setOn := vals[a.flag].(bool)
		_, setCap := vals[a.capacity]
		if !(setOn && on) && !setCap {
			continue
		}
		if !setOn {
			on, _ = c.featureValue(u, settingDefsByKey["feature."+a.flag]).(bool)
		}
		if !on {
			continue
		}
		if u.Type == 1 {
			return ptr(errResp(http.StatusBadRequest, a.basicCode, a.basicMsg))
		}
		if c.profile.AddonSeats == nil {
			continue
		}
		capacity, ok := vals[a.capacity].(int64)
		if !ok {
			capacity, _ = normalise(settingDefsByKey["feature."+a.capacity], c.featureValue(u, settingDefsByKey["feature."+a.capacity])).(int64)
		}
		seats := c.profile.AddonSeats[AddonSeatKey(a.flag, capacity)]
		used := 0
		for _, other := range c.s.st.Users {
			if other.ID == u.ID {
				continue
			}
			ov := c.s.st.UserSettings[other.ID]
			if on, _ := ov["feature."+a.flag].(bool); !on {
				continue
			}
			oc, _ := normalise(settingDefsByKey["feature."+a.capacity], c.featureValue(other, settingDefsByKey["feature."+a.capacity])).(int64)
			if oc == capacity {
				used++
			}
		}
		if used >= seats {
			return ptr(errResp(http.StatusBadRequest, codeNoPermission, fmt.Sprintf(msgAddonMax, seats, a.label, capacity)))
		}
	}
	return nil
}
