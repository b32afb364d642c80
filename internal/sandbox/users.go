package sandbox

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// User statuses and roles.
const (
	statusActive   = "active"
	statusInactive = "inactive"
	statusPending  = "pending"

	loginTypeAPIUser = 99

	roleOwner  = "0"
	roleAdmin  = "1"
	roleMember = "2"
)

// Messages of the users API (Zoom's where the spec or an observed answer gives them; the
// ones marked "sandbox wording" are not confirmed by a source).
const (
	msgInvalidPassword     = "Invalid parameter: password."
	msgEmailRequired       = "Email is required."
	msgPlanUnitedCreate    = "The value provided for `plan_united_type` parameter is invalid. Try again with a valid value."
	msgPlanUnitedUpdate    = "The value provided for \"plan_united_type\" parameter is invalid. Try again with a valid value."
	msgTypeTogether        = "You can't change the \"type\" or \"plan_united_type\" or \"zoom_one_type\" at the same time."
	msgAboutMeIllegal      = "The `about_me` field is illegal and can't contain hyperlinks or HTML code."
	msgLinkedInIllegal     = "The `linkedin_url` field is illegal. The URL must contain `linkedin.com`."
	msgVanityTaken         = "User is already taken by another user from your account. Choose another \"Personal Link Name\"."
	msgSSOCreate           = "The ssoCreate option is only available for SSO Partners that have enabled the pre-provision option. Contact the Zoom Support team to learn more."
	msgNoMeetingsPMI       = "You cannot change PMI information for a \"No Meetings License\" user."
	msgTransferSame        = "The transfer-to email address cannot be the same as the unlinked or deleted user's email address."
	msgAdminStatus         = "Zoom Room and Admin users' status cannot be activated or deactivated."
	msgCannotDisassocAdmin = "You can not disassociate an Admin user."
	msgUnlinkAPIUser       = "Unable to unlink API user(s)."
	msgDisassocManaged     = "You can not disassociate a user with managed domain."
	// Sandbox wording.
	msgCustCreateDenied = "No privilege. This account is not permitted to create users with the custCreate action (it requires an ISV agreement with Zoom)."
	msgAutoCreateDenied = "No privilege. This account is not permitted to create users with the autoCreate action (it requires a managed domain)."
	msgFreePlanCreate   = "Only available for paid users: %s."
	msgPendingDelete    = "To delete a pending user in the account, use disassociate: %s."
	msgPendingStatus    = "Pending users cannot be activated or deactivated: %s."
	msgDeleteOwner      = "Cannot delete the account owner."
	msgEmailChangeLimit = "A user's email address can be changed up to %d times in any 24 hour period."
	msgInviteLimit      = "You have exceeded the daily rate limit (%d) of user invite requests permitted for this account. You may resume these requests at GMT 00:00:00."
)

// codeManagedDomain is userDelete's answer to disassociating a user of the account's managed domain.
const codeManagedDomain = 1107

// user is a stored Zoom user. It is persisted as JSON; the password is never stored.
type user struct {
	Seq              int64             `json:"seq"`
	ID               string            `json:"id"`
	Email            string            `json:"email"`
	FirstName        string            `json:"first_name"`
	LastName         string            `json:"last_name"`
	DisplayName      string            `json:"display_name"`
	Type             int               `json:"type"`
	Status           string            `json:"status"`
	RoleID           string            `json:"role_id"`
	PMI              int64             `json:"pmi"`
	UsePMI           bool              `json:"use_pmi"`
	Timezone         string            `json:"timezone"`
	Language         string            `json:"language"`
	Dept             string            `json:"dept,omitempty"`
	Company          string            `json:"company,omitempty"`
	JobTitle         string            `json:"job_title,omitempty"`
	Location         string            `json:"location,omitempty"`
	CostCenter       string            `json:"cost_center,omitempty"`
	Manager          string            `json:"manager,omitempty"`
	CMSUserID        string            `json:"cms_user_id,omitempty"`
	Pronouns         string            `json:"pronouns,omitempty"`
	PronounsOption   int               `json:"pronouns_option,omitempty"`
	PhoneCountry     string            `json:"phone_country,omitempty"`
	PhoneNumber      string            `json:"phone_number,omitempty"`
	PhoneNumbers     []phoneNumber     `json:"phone_numbers,omitempty"`
	CustomAttributes []customAttribute `json:"custom_attributes,omitempty"`
	GroupIDs         []string          `json:"group_ids,omitempty"`
	PrimaryGroupID   string            `json:"primary_group_id,omitempty"`
	DivisionIDs      []string          `json:"division_ids,omitempty"`
	HostKey          string            `json:"host_key,omitempty"`
	VanityName       string            `json:"vanity_name,omitempty"`
	AboutMe          string            `json:"about_me,omitempty"`
	LinkedInURL      string            `json:"linkedin_url,omitempty"`
	PlanUnitedType   string            `json:"plan_united_type,omitempty"`
	ZoomOneType      int64             `json:"zoom_one_type,omitempty"`
	ZoomPhone        bool              `json:"zoom_phone,omitempty"`
	LicenseInfoList  []licenseInfo     `json:"license_info_list,omitempty"`
	LoginTypes       []int             `json:"login_types"`
	Verified         int               `json:"verified"`
	EmployeeUniqueID string            `json:"employee_unique_id,omitempty"`
	CreatedAt        time.Time         `json:"created_at"`
	Action           string            `json:"action"`
	EmailChanges     []time.Time       `json:"email_changes,omitempty"`
}

// phoneNumber is an entry of phone_numbers.
type phoneNumber struct {
	Code     string `json:"code"`
	Country  string `json:"country"`
	Label    string `json:"label"`
	Number   string `json:"number"`
	Verified bool   `json:"verified"`
}

// customAttribute is an entry of custom_attributes.
type customAttribute struct {
	Key   string `json:"key"`
	Name  string `json:"name"`
	Value string `json:"value"`
}

// licenseInfo is an entry of license_info_list.
type licenseInfo struct {
	LicenseType    string `json:"license_type"`
	LicenseOption  int64  `json:"license_option"`
	SubscriptionID string `json:"subscription_id"`
}

func roleName(roleID string) string {
	switch roleID {
	case roleOwner:
		return "Owner"
	case roleAdmin:
		return "Admin"
	default:
		return "Member"
	}
}

// Enumerations from the Users spec.
var (
	userActions      = map[string]bool{"create": true, "autoCreate": true, "custCreate": true, "ssoCreate": true}
	userTypes        = map[int64]bool{1: true, 2: true, 4: true, 99: true}
	phoneLabels      = map[string]bool{"Mobile": true, "Office": true, "Home": true, "Fax": true}
	licenseTypes     = map[string]bool{"MEETING": true, "ZOOM_WORKPLACE_BUNDLE": true}
	planUnitedTypes  = map[string]bool{}
	zoomOneTypes     = map[int64]bool{}
	licenseOptions   = map[int64]bool{2: true, 4: true, 8: true}
	aboutMeIllegalRE = regexp.MustCompile(`(?i)(https?://|www\.|<\s*[a-z/!])`)
	hostKeyRE        = regexp.MustCompile(`^[0-9]{6,10}$`)
)

func init() {
	for v := int64(1); v <= 131072; v *= 2 {
		planUnitedTypes[strconv.FormatInt(v, 10)] = true
	}
	// Exact powers of two (docs/development/zoom-api.md#users; the spec's JSON enum has float-rounded copies).
	for _, v := range []int64{16, 32, 64, 128, 33554432, 134217728, 268435456, 536870912, 1073741824,
		4398046511104, 4294967296, 8589934592, 17179869184, 34359738368, 68719476736, 137438953472,
		274877906944, 549755813888, 1099511627776, 2199023255552, 18014398509481984,
		72057594037927936, 144115188075855872, 576460752303423488} {
		zoomOneTypes[v] = true
		licenseOptions[v] = true
	}
}

// userRoutes declares the users API (docs/development/zoom-api.md#users).
func userRoutes() []*route {
	readMacro := []string{"user:read", "user:write", "user:read:admin", "user:write:admin"}
	writeMacro := []string{"user:write:admin", "user:write"}
	return []*route{
		{method: http.MethodPost, pattern: "/v2/users", category: CategoryLight,
			macroScopes: writeMacro, granularScopes: []string{"user:write:user:admin"}, handler: (*call).createUser},
		{method: http.MethodGet, pattern: "/v2/users", category: CategoryMedium,
			macroScopes: readMacro, granularScopes: []string{"user:read:list_users:admin"}, handler: (*call).listUsers},
		{method: http.MethodGet, pattern: "/v2/users/email", category: CategoryLight,
			macroScopes: readMacro, granularScopes: []string{"user:read:email", "user:read:email:admin"}, handler: (*call).checkEmail},
		{method: http.MethodGet, pattern: "/v2/users/{userId}", category: CategoryLight,
			macroScopes:    append(append([]string(nil), readMacro...), "user_profile", "user_info:read"),
			granularScopes: []string{"user:read:user", "user:read:user:admin"}, handler: (*call).getUser},
		{method: http.MethodPatch, pattern: "/v2/users/{userId}", category: CategoryLight,
			macroScopes: writeMacro, granularScopes: []string{"user:update:user", "user:update:user:admin"}, handler: (*call).updateUser},
		{method: http.MethodDelete, pattern: "/v2/users/{userId}", category: CategoryLight,
			macroScopes: writeMacro, granularScopes: []string{"user:delete:user", "user:delete:user:admin"}, handler: (*call).deleteUser},
		{method: http.MethodPut, pattern: "/v2/users/{userId}/status", category: CategoryLight,
			macroScopes: writeMacro, granularScopes: []string{"user:update:status", "user:update:status:admin"}, handler: (*call).updateUserStatus},
		{method: http.MethodPut, pattern: "/v2/users/{userId}/email", category: CategoryLight,
			macroScopes: writeMacro, granularScopes: []string{"user:update:email", "user:update:email:admin"}, handler: (*call).updateUserEmail},
	}
}

// findUser resolves a {userId}: a user id, an e-mail (case-insensitive) or "me".
func (c *call) findUser(ref string) *user {
	return c.s.st.findUserRef(ref, c.profile)
}

func userNotFound(ref string) apiResponse {
	return errResp(http.StatusNotFound, codeUserNotFound, "User does not exist: "+ref+".")
}

// pathUser resolves the {userId} path parameter, honouring search_by_unique_id.
func (c *call) pathUser() (*user, *apiResponse) {
	ref := c.params["userId"]
	var u *user
	if strings.EqualFold(c.query("search_by_unique_id"), "true") {
		for _, x := range c.s.st.Users {
			if x.EmployeeUniqueID != "" && x.EmployeeUniqueID == ref {
				u = x
				break
			}
		}
	} else {
		u = c.findUser(ref)
	}
	if u == nil {
		return nil, ptr(userNotFound(ref))
	}
	return u, nil
}

// --- POST /users ------------------------------------------------------------

type createUserResponse struct {
	ID        string `json:"id"`
	FirstName string `json:"first_name"`
	LastName  string `json:"last_name"`
	Email     string `json:"email"`
	Type      int    `json:"type"`
}

func (c *call) createUser() apiResponse {
	m, ok := decodeObject(c.body)
	if !ok {
		return errResp(http.StatusBadRequest, codeValidation, msgInvalidJSON)
	}
	f := newFieldReader(m)
	action, _ := f.str("action", 0)
	if !userActions[action] {
		f.fail("action")
	}
	info, _ := f.object("user_info")
	email, hasEmail := info.str("email", 128)
	if hasEmail && !validEmail(email) {
		info.fail("email")
	} else if !hasEmail && !containsField(f.errors(), "user_info.email") {
		info.fail("email")
	}
	typ, hasType := info.integer("type")
	if hasType && !userTypes[typ] {
		info.fail("type")
	} else if !hasType && !containsField(f.errors(), "user_info.type") {
		info.fail("type")
	}
	first, _ := info.str("first_name", 64)
	last, _ := info.str("last_name", 64)
	display, _ := info.str("display_name", 128)
	password, hasPassword := info.str("password", 0)
	feature, _ := info.object("feature")
	zoomPhone, _ := feature.boolean("zoom_phone")
	zoomOne, hasZoomOne := feature.integer("zoom_one_type")
	if hasZoomOne && !zoomOneTypes[zoomOne] {
		feature.fail("zoom_one_type")
	}
	planUnited, hasPlanUnited := info.str("plan_united_type", 0)
	licenses := readLicenses(info)
	divisions, _ := info.stringList("division_ids", 0)
	if errs := f.errors(); len(errs) > 0 {
		return validationResp(errs)
	}
	if typ == 99 && action != "ssoCreate" {
		return validationResp([]fieldError{{Field: "user_info.type", Message: msgInvalidField}})
	}
	if hasPlanUnited && !planUnitedTypes[planUnited] {
		return errResp(http.StatusBadRequest, codeValidation, msgPlanUnitedCreate)
	}

	p := c.profile
	if p.Plan == PlanFree && !p.FreePlanUserCreateAllowed {
		return errResp(http.StatusBadRequest, codeNoPermission, fmt.Sprintf(msgFreePlanCreate, p.AccountID))
	}
	switch action {
	case "custCreate":
		if !p.CustCreateAllowed {
			return errResp(http.StatusBadRequest, codeNoPermission, msgCustCreateDenied)
		}
	case "ssoCreate":
		if !p.SSOEnabled {
			return errResp(http.StatusBadRequest, codeSSONotAllowed, msgSSOCreate)
		}
	case "autoCreate":
		if !p.AutoCreateAllowed {
			return errResp(http.StatusBadRequest, codeNoPermission, msgAutoCreateDenied)
		}
		if (hasPassword && !validPassword(password)) || (!hasPassword && p.AutoCreateRequiresPassword) {
			return errResp(http.StatusBadRequest, codeValidation, msgInvalidPassword)
		}
	}
	st := c.s.st
	if st.byEmail[strings.ToLower(email)] != nil {
		return errResp(http.StatusConflict, codeEmailUsed, emailUsed(email))
	}
	inviteKey := ""
	if action == "create" {
		if limit := p.dailyInviteLimit(); limit > 0 {
			st.pruneCounters("invites|", dayKey(c.now))
			inviteKey = "invites|" + dayKey(c.now) + "|account"
			if st.Counters[inviteKey] >= limit {
				return errResp(http.StatusTooManyRequests, codeRateLimited, fmt.Sprintf(msgInviteLimit, limit))
			}
		}
	}

	u := &user{
		ID:               newZoomID(),
		Email:            p.storedEmail(email),
		FirstName:        first,
		LastName:         last,
		DisplayName:      display,
		Type:             int(typ),
		Status:           statusActive,
		RoleID:           roleMember,
		Timezone:         p.DefaultTimezone,
		Language:         "en-US",
		Verified:         1,
		CreatedAt:        c.now.UTC().Truncate(time.Second),
		Action:           action,
		PlanUnitedType:   planUnited,
		ZoomOneType:      zoomOne,
		ZoomPhone:        zoomPhone,
		LicenseInfoList:  licenses,
		DivisionIDs:      divisions,
		LoginTypes:       []int{100},
		CustomAttributes: nil,
	}
	if strings.TrimSpace(u.DisplayName) == "" {
		u.DisplayName = joinName(first, last)
	}
	switch action {
	case "create":
		u.Status = statusPending
		u.Verified = 0
	case "custCreate":
		u.LoginTypes = []int{99}
	case "ssoCreate":
		u.LoginTypes = []int{101}
		if u.Type != 1 {
			u.VanityName = c.vanityFromEmail(email)
		}
	}
	st.add(u)
	if inviteKey != "" {
		st.Counters[inviteKey]++
	}
	c.s.dirty = true
	return jsonResp(http.StatusCreated, createUserResponse{ID: u.ID, FirstName: u.FirstName, LastName: u.LastName, Email: u.Email, Type: u.Type})
}

func emailUsed(email string) string {
	return "Email \"" + email + "\" has already been used."
}

func containsField(errs []fieldError, field string) bool {
	for _, e := range errs {
		if e.Field == field {
			return true
		}
	}
	return false
}

func joinName(first, last string) string {
	return strings.TrimSpace(strings.TrimSpace(first) + " " + strings.TrimSpace(last))
}

// vanityFromEmail derives a personal link name from the e-mail's local part,
// or a random one when it is taken.
func (c *call) vanityFromEmail(email string) string {
	local, _, _ := strings.Cut(email, "@")
	var sb strings.Builder
	for _, r := range strings.ToLower(local) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r == '.' || r == '_' || r == '-' {
			sb.WriteRune(r)
		}
	}
	name := sb.String()
	if name == "" || c.vanityTaken(name, nil) {
		name = strings.ToLower(randomBase62(12))
	}
	return name
}

func (c *call) vanityTaken(name string, except *user) bool {
	for _, u := range c.s.st.Users {
		if u != except && u.VanityName != "" && strings.EqualFold(u.VanityName, name) {
			return true
		}
	}
	return false
}

// validPassword applies Zoom's basic password rules: 8-32 characters, letters
// and digits, upper and lower case, not one repeated character, no run of 8
// consecutive characters such as "12345678".
func validPassword(pw string) bool {
	n := len([]rune(pw))
	if n < 8 || n > 32 {
		return false
	}
	var upper, lower, digit bool
	for _, r := range pw {
		switch {
		case unicode.IsUpper(r):
			upper = true
		case unicode.IsLower(r):
			lower = true
		case unicode.IsDigit(r):
			digit = true
		}
	}
	if !upper || !lower || !digit {
		return false
	}
	rs := []rune(pw)
	up, down := 1, 1
	for i := 1; i < len(rs); i++ {
		if rs[i] == rs[i-1]+1 {
			up++
		} else {
			up = 1
		}
		if rs[i] == rs[i-1]-1 {
			down++
		} else {
			down = 1
		}
		if up >= 8 || down >= 8 {
			return false
		}
	}
	return true
}

// readLicenses reads license_info_list (max 2 items, each fully specified).
func readLicenses(f *fieldReader) []licenseInfo {
	items, ok := f.array("license_info_list", 2)
	if !ok {
		return nil
	}
	out := make([]licenseInfo, 0, len(items))
	for i, raw := range items {
		el, ok := f.element("license_info_list", i, raw)
		if !ok {
			continue
		}
		lt, hasLT := el.str("license_type", 0)
		lo, hasLO := el.integer("license_option")
		sub, hasSub := el.str("subscription_id", 0)
		if !hasLT || !licenseTypes[lt] {
			el.fail("license_type")
		}
		if !hasLO || !licenseOptions[lo] {
			el.fail("license_option")
		}
		if !hasSub || sub == "" {
			el.fail("subscription_id")
		}
		out = append(out, licenseInfo{LicenseType: lt, LicenseOption: lo, SubscriptionID: sub})
	}
	return out
}

// --- GET /users ---------------------------------------------------------------

// userListItem is an element of GET /users (spec list schema).
type userListItem struct {
	ID                string            `json:"id,omitempty"`
	FirstName         string            `json:"first_name"`
	LastName          string            `json:"last_name"`
	DisplayName       string            `json:"display_name"`
	Email             string            `json:"email"`
	Type              int               `json:"type"`
	PMI               int64             `json:"pmi"`
	Timezone          string            `json:"timezone"`
	Verified          int               `json:"verified"`
	Dept              string            `json:"dept"`
	CreatedAt         string            `json:"created_at"`
	UserCreatedAt     string            `json:"user_created_at"`
	LastLoginTime     string            `json:"last_login_time,omitempty"`
	LastClientVersion string            `json:"last_client_version,omitempty"`
	RoleID            string            `json:"role_id"`
	Status            string            `json:"status"`
	GroupIDs          []string          `json:"group_ids"`
	IMGroupIDs        []string          `json:"im_group_ids"`
	DivisionIDs       []string          `json:"division_ids,omitempty"`
	EmployeeUniqueID  string            `json:"employee_unique_id,omitempty"`
	PlanUnitedType    string            `json:"plan_united_type,omitempty"`
	HostKey           *string           `json:"host_key,omitempty"`
	CustomAttributes  []customAttribute `json:"custom_attributes,omitempty"`
	LicenseInfoList   []licenseInfo     `json:"license_info_list,omitempty"`
}

type userListResponse struct {
	pageMeta
	Users []userListItem `json:"users"`
}

func (c *call) listUsers() apiResponse {
	status := c.query("status")
	if status == "" {
		status = statusActive
	}
	var errs []fieldError
	switch status {
	case statusActive, statusInactive, statusPending:
	default:
		errs = append(errs, fieldError{Field: "status", Message: msgInvalidField})
	}
	include := c.query("include_fields")
	switch include {
	case "", "custom_attributes", "host_key":
	default:
		errs = append(errs, fieldError{Field: "include_fields", Message: msgInvalidField})
	}
	if len(errs) > 0 {
		return validationResp(errs)
	}
	roleID := c.query("role_id")
	var matched []*user
	var seqs []int64
	for _, u := range c.s.st.Users {
		if u.Status != status || (roleID != "" && u.RoleID != roleID) {
			continue
		}
		matched = append(matched, u)
		seqs = append(seqs, u.Seq)
	}
	listKey := "users|" + status + "|" + roleID
	lo, hi, meta, bad := c.paginate(listKey, seqs, 30, 2000)
	if bad != nil {
		return *bad
	}
	out := userListResponse{pageMeta: meta, Users: make([]userListItem, 0, hi-lo)}
	for _, u := range matched[lo:hi] {
		item := userListItem{
			ID:               u.ID,
			FirstName:        u.FirstName,
			LastName:         u.LastName,
			DisplayName:      u.DisplayName,
			Email:            u.Email,
			Type:             u.Type,
			PMI:              u.PMI,
			Timezone:         u.Timezone,
			Verified:         u.Verified,
			Dept:             u.Dept,
			CreatedAt:        c.createdAt(u),
			UserCreatedAt:    formatZoomTime(u.CreatedAt),
			RoleID:           u.RoleID,
			Status:           u.Status,
			GroupIDs:         nonNil(u.GroupIDs),
			IMGroupIDs:       []string{},
			DivisionIDs:      u.DivisionIDs,
			EmployeeUniqueID: u.EmployeeUniqueID,
			PlanUnitedType:   u.PlanUnitedType,
			LicenseInfoList:  u.LicenseInfoList,
		}
		if u.Status == statusPending {
			item.ID = ""
		}
		switch include {
		case "host_key":
			item.HostKey = ptr(u.HostKey)
		case "custom_attributes":
			item.CustomAttributes = nonNilAttrs(u.CustomAttributes)
		}
		out.Users = append(out.Users, item)
	}
	return jsonResp(http.StatusOK, out)
}

// createdAt is the deprecated created_at: the request time for pending users.
func (c *call) createdAt(u *user) string {
	if u.Status == statusPending {
		return formatZoomTime(c.now)
	}
	return formatZoomTime(u.CreatedAt)
}

func nonNil(v []string) []string {
	if v == nil {
		return []string{}
	}
	return append([]string(nil), v...)
}

func nonNilAttrs(v []customAttribute) []customAttribute {
	if v == nil {
		return []customAttribute{}
	}
	return append([]customAttribute(nil), v...)
}

// --- GET /users/{userId} -----------------------------------------------------

// userView is the full user object of GET /users/{userId}.
type userView struct {
	ID                 string            `json:"id"`
	CreatedAt          string            `json:"created_at"`
	Dept               string            `json:"dept"`
	Email              string            `json:"email"`
	FirstName          string            `json:"first_name"`
	LastClientVersion  string            `json:"last_client_version,omitempty"`
	LastLoginTime      string            `json:"last_login_time,omitempty"`
	LastName           string            `json:"last_name"`
	PMI                int64             `json:"pmi"`
	RoleName           string            `json:"role_name"`
	Timezone           string            `json:"timezone"`
	Type               int               `json:"type"`
	UsePMI             bool              `json:"use_pmi"`
	DisplayName        string            `json:"display_name"`
	AccountID          string            `json:"account_id"`
	AccountNumber      int64             `json:"account_number"`
	CMSUserID          string            `json:"cms_user_id"`
	Company            string            `json:"company"`
	UserCreatedAt      string            `json:"user_created_at"`
	CustomAttributes   []customAttribute `json:"custom_attributes"`
	EmployeeUniqueID   string            `json:"employee_unique_id,omitempty"`
	GroupIDs           []string          `json:"group_ids"`
	DivisionIDs        []string          `json:"division_ids,omitempty"`
	IMGroupIDs         []string          `json:"im_group_ids"`
	JID                string            `json:"jid"`
	JobTitle           string            `json:"job_title"`
	CostCenter         string            `json:"cost_center"`
	Language           string            `json:"language"`
	Location           string            `json:"location"`
	LoginTypes         []int             `json:"login_types"`
	Manager            string            `json:"manager"`
	PersonalMeetingURL string            `json:"personal_meeting_url"`
	PhoneCountry       string            `json:"phone_country"`
	PhoneNumber        string            `json:"phone_number"`
	PhoneNumbers       []phoneNumber     `json:"phone_numbers,omitempty"`
	PlanUnitedType     string            `json:"plan_united_type,omitempty"`
	Pronouns           string            `json:"pronouns,omitempty"`
	PronounsOption     int               `json:"pronouns_option,omitempty"`
	RoleID             string            `json:"role_id"`
	Status             string            `json:"status"`
	VanityURL          string            `json:"vanity_url,omitempty"`
	Verified           int               `json:"verified"`
	Cluster            string            `json:"cluster"`
	ZoomOneType        int64             `json:"zoom_one_type,omitempty"`
	LicenseInfoList    []licenseInfo     `json:"license_info_list,omitempty"`
}

func (c *call) viewUser(u *user) userView {
	p := c.profile
	v := userView{
		ID:                 u.ID,
		CreatedAt:          c.createdAt(u),
		Dept:               u.Dept,
		Email:              u.Email,
		FirstName:          u.FirstName,
		LastName:           u.LastName,
		PMI:                u.PMI,
		RoleName:           roleName(u.RoleID),
		Timezone:           u.Timezone,
		Type:               u.Type,
		UsePMI:             u.UsePMI,
		DisplayName:        u.DisplayName,
		AccountID:          p.AccountID,
		AccountNumber:      c.s.st.AccountNumber,
		CMSUserID:          u.CMSUserID,
		Company:            u.Company,
		UserCreatedAt:      formatZoomTime(u.CreatedAt),
		CustomAttributes:   nonNilAttrs(u.CustomAttributes),
		EmployeeUniqueID:   u.EmployeeUniqueID,
		GroupIDs:           nonNil(u.GroupIDs),
		DivisionIDs:        u.DivisionIDs,
		IMGroupIDs:         []string{},
		JID:                jidFor(u.ID),
		JobTitle:           u.JobTitle,
		CostCenter:         u.CostCenter,
		Language:           u.Language,
		Location:           u.Location,
		LoginTypes:         append([]int{}, u.LoginTypes...),
		Manager:            u.Manager,
		PersonalMeetingURL: fmt.Sprintf("https://%s/j/%d", p.WebHost, u.PMI),
		PhoneCountry:       u.PhoneCountry,
		PhoneNumber:        u.PhoneNumber,
		PhoneNumbers:       append([]phoneNumber(nil), u.PhoneNumbers...),
		PlanUnitedType:     u.PlanUnitedType,
		Pronouns:           u.Pronouns,
		PronounsOption:     u.PronounsOption,
		RoleID:             u.RoleID,
		Status:             u.Status,
		Verified:           u.Verified,
		Cluster:            p.cluster(),
		ZoomOneType:        u.ZoomOneType,
		LicenseInfoList:    append([]licenseInfo(nil), u.LicenseInfoList...),
	}
	if u.VanityName != "" {
		v.VanityURL = fmt.Sprintf("https://%s/my/%s", p.WebHost, u.VanityName)
	}
	return v
}

func (c *call) getUser() apiResponse {
	u, bad := c.pathUser()
	if bad != nil {
		return *bad
	}
	return jsonResp(http.StatusOK, c.viewUser(u))
}

// --- PATCH /users/{userId} ---------------------------------------------------

// userWrite opens a write to /users/{userId}: it decodes the JSON body and resolves the user in the path,
// answering Zoom's error for a malformed body or an unknown user.
func (c *call) userWrite() (*user, map[string]json.RawMessage, *apiResponse) {
	m, ok := decodeObject(c.body)
	if !ok {
		r := errResp(http.StatusBadRequest, codeValidation, msgInvalidJSON)
		return nil, nil, &r
	}
	u, bad := c.pathUser()
	if bad != nil {
		return nil, nil, bad
	}
	return u, m, nil
}

func (c *call) updateUser() apiResponse {
	u, m, bad := c.userWrite()
	if bad != nil {
		return *bad
	}
	f := newFieldReader(m)
	// Read every field first (email and status are not updatable here and are ignored).
	first, hasFirst := f.str("first_name", 64)
	last, hasLast := f.str("last_name", 64)
	display, hasDisplay := f.str("display_name", 128)
	if _, raw := m["display_name"]; raw && isNull(m["display_name"]) {
		hasDisplay, display = true, ""
	}
	company, hasCompany := f.str("company", 255)
	jobTitle, hasJobTitle := f.str("job_title", 128)
	location, hasLocation := f.str("location", 256)
	dept, hasDept := f.str("dept", 0)
	costCenter, hasCostCenter := f.str("cost_center", 0)
	cmsUserID, hasCMS := f.str("cms_user_id", 0)
	language, hasLanguage := f.str("language", 0)
	timezone, hasTimezone := f.str("timezone", 0)
	if hasTimezone && timezone != "" {
		if stored, _, ok := resolveZone(c.profile, timezone, c.now); ok {
			timezone = stored
		} else {
			f.fail("timezone")
			hasTimezone = false
		}
	}
	pronouns, hasPronouns := f.str("pronouns", 0)
	manager, hasManager := f.str("manager", 0)
	if hasManager && manager != "" && !validEmail(manager) {
		f.fail("manager")
		hasManager = false
	}
	phoneCountry, hasPhoneCountry := f.str("phone_country", 0)
	phoneNumberOld, hasPhoneNumberOld := f.str("phone_number", 0)
	vanity, hasVanity := f.str("vanity_name", 0)
	aboutMe, hasAboutMe := f.str("about_me", 150)
	linkedIn, hasLinkedIn := f.str("linkedin_url", 0)
	groupID, hasGroupID := f.str("group_id", 0)
	hostKey, hasHostKey := f.str("host_key", 10)
	if hasHostKey && !hostKeyRE.MatchString(hostKey) {
		f.fail("host_key")
		hasHostKey = false
	}
	pmi, hasPMI := f.integer("pmi")
	if hasPMI && (pmi < 1000000000 || pmi > 9999999999) {
		f.fail("pmi")
		hasPMI = false
	}
	usePMI, hasUsePMI := f.boolean("use_pmi")
	pronounsOption, hasPronounsOption := f.integer("pronouns_option")
	if hasPronounsOption && (pronounsOption < 1 || pronounsOption > 3) {
		f.fail("pronouns_option")
		hasPronounsOption = false
	}
	typ, hasType := f.integer("type")
	if hasType && !userTypes[typ] {
		f.fail("type")
		hasType = false
	}
	zoomOne, hasZoomOne := f.integer("zoom_one_type")
	if hasZoomOne && zoomOne != 0 && !zoomOneTypes[zoomOne] {
		f.fail("zoom_one_type")
		hasZoomOne = false
	}
	planUnited, hasPlanUnited := f.str("plan_united_type", 0)
	feature, _ := f.object("feature")
	zoomPhone, hasZoomPhone := feature.boolean("zoom_phone")
	phones, hasPhones := readPhones(f)
	attrs, hasAttrs := readCustomAttributes(f)
	divisions, hasDivisions := f.stringList("division_ids", 0)
	hasLicenses := f.present("license_info_list")
	licenses := readLicenses(f)
	if errs := f.errors(); len(errs) > 0 {
		return validationResp(errs)
	}

	// Business rules, in the order Zoom's documentation lists them.
	changing := 0
	for _, b := range []bool{hasType, hasPlanUnited, hasZoomOne} {
		if b {
			changing++
		}
	}
	if changing > 1 {
		return errResp(http.StatusBadRequest, codeValidation, msgTypeTogether)
	}
	if hasPlanUnited && planUnited != "none" && !planUnitedTypes[planUnited] {
		return errResp(http.StatusBadRequest, codeValidation, msgPlanUnitedUpdate)
	}
	if hasAboutMe && aboutMeIllegalRE.MatchString(aboutMe) {
		return errResp(http.StatusBadRequest, codeValidation, msgAboutMeIllegal)
	}
	if hasLinkedIn && linkedIn != "" && !strings.Contains(strings.ToLower(linkedIn), "linkedin.com") {
		return errResp(http.StatusBadRequest, codeValidation, msgLinkedInIllegal)
	}
	if hasType && typ == 99 && !containsInt(u.LoginTypes, 101) {
		return validationResp([]fieldError{{Field: "type", Message: msgInvalidField}})
	}
	effectiveType := u.Type
	if hasType {
		effectiveType = int(typ)
	}
	if hasPMI && effectiveType == 4 {
		return errResp(http.StatusBadRequest, codeNoPermission, msgNoMeetingsPMI)
	}
	if hasVanity && vanity != "" && c.vanityTaken(vanity, u) {
		return errResp(http.StatusBadRequest, codeVanityTaken, msgVanityTaken)
	}
	// group_id places the user in a group of the account (the spec documents it for pending users); an
	// unknown group is refused with the Groups operations' not-found answer.
	var g *group
	if hasGroupID && groupID != "" {
		if g = c.s.st.groupsByID[groupID]; g == nil {
			return errResp(http.StatusNotFound, codeGroupNotFound, fmt.Sprintf(msgGroupNotFound, groupID))
		}
	}

	if u.Status == statusPending && c.profile.PendingUsersIgnoreProfileUpdates {
		// Zoom answers success and leaves the profile as it is until the invitation is accepted; only group_id,
		// which the spec documents for placing a pending user in a group, takes effect.
		if hasGroupID && groupID != "" {
			c.s.st.joinGroup(g, u)
			c.s.dirty = true
		}
		return noContent()
	}

	// Apply.
	set := func(dst *string, v string, ok bool) {
		if ok {
			*dst = v
		}
	}
	set(&u.FirstName, first, hasFirst)
	set(&u.LastName, last, hasLast)
	set(&u.Company, company, hasCompany)
	set(&u.JobTitle, jobTitle, hasJobTitle)
	set(&u.Location, location, hasLocation)
	set(&u.Dept, dept, hasDept)
	set(&u.CostCenter, costCenter, hasCostCenter)
	set(&u.CMSUserID, cmsUserID, hasCMS)
	set(&u.Language, language, hasLanguage)
	set(&u.Timezone, timezone, hasTimezone)
	set(&u.Pronouns, pronouns, hasPronouns)
	set(&u.Manager, c.profile.storedEmail(manager), hasManager)
	set(&u.PhoneCountry, phoneCountry, hasPhoneCountry)
	set(&u.PhoneNumber, phoneNumberOld, hasPhoneNumberOld)
	set(&u.VanityName, vanity, hasVanity)
	set(&u.AboutMe, aboutMe, hasAboutMe)
	set(&u.LinkedInURL, linkedIn, hasLinkedIn)
	set(&u.HostKey, hostKey, hasHostKey)
	if hasDisplay {
		if strings.TrimSpace(display) == "" {
			u.DisplayName = joinName(u.FirstName, u.LastName)
		} else {
			u.DisplayName = display
		}
	}
	if hasGroupID && groupID != "" {
		c.s.st.joinGroup(g, u)
	}
	if hasPMI {
		u.PMI = pmi
	}
	if hasUsePMI {
		u.UsePMI = usePMI
	}
	if hasPronounsOption {
		u.PronounsOption = int(pronounsOption)
	}
	if hasType {
		u.Type = int(typ)
	}
	if hasZoomOne {
		u.ZoomOneType = zoomOne
	}
	if hasPlanUnited {
		if planUnited == "none" {
			u.PlanUnitedType = ""
		} else {
			u.PlanUnitedType = planUnited
		}
	}
	if hasZoomPhone {
		u.ZoomPhone = zoomPhone
	}
	if hasPhones {
		for i := range phones {
			phones[i].Number = c.profile.storedPhone(phones[i].Code, phones[i].Number)
		}
		u.PhoneNumbers = phones
	}
	if hasAttrs {
		u.CustomAttributes = attrs
	}
	if hasDivisions {
		u.DivisionIDs = divisions
	}
	if hasLicenses {
		u.LicenseInfoList = licenses
	}
	c.s.dirty = true
	return noContent()
}

func containsInt(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// readPhones reads phone_numbers (max 3, label enum).
func readPhones(f *fieldReader) ([]phoneNumber, bool) {
	items, ok := f.array("phone_numbers", 3)
	if !ok {
		return nil, false
	}
	out := make([]phoneNumber, 0, len(items))
	for i, raw := range items {
		el, ok := f.element("phone_numbers", i, raw)
		if !ok {
			continue
		}
		var pn phoneNumber
		pn.Code, _ = el.str("code", 0)
		pn.Country, _ = el.str("country", 0)
		pn.Number, _ = el.str("number", 0)
		label, hasLabel := el.str("label", 0)
		if hasLabel && !phoneLabels[label] {
			el.fail("label")
		}
		pn.Label = label
		out = append(out, pn)
	}
	return out, true
}

// readCustomAttributes reads custom_attributes (max 5).
func readCustomAttributes(f *fieldReader) ([]customAttribute, bool) {
	items, ok := f.array("custom_attributes", 5)
	if !ok {
		return nil, false
	}
	out := make([]customAttribute, 0, len(items))
	for i, raw := range items {
		el, ok := f.element("custom_attributes", i, raw)
		if !ok {
			continue
		}
		var a customAttribute
		a.Key, _ = el.str("key", 0)
		a.Name, _ = el.str("name", 0)
		a.Value, _ = el.str("value", 0)
		out = append(out, a)
	}
	return out, true
}

// --- DELETE /users/{userId} --------------------------------------------------

func (c *call) deleteUser() apiResponse {
	u, bad := c.pathUser()
	if bad != nil {
		return *bad
	}
	q := c.r.URL.Query()
	var errs []fieldError
	action := q.Get("action")
	if action == "" {
		action = "disassociate"
	}
	if action != "disassociate" && action != "delete" {
		errs = append(errs, fieldError{Field: "action", Message: msgInvalidField})
	}
	for _, name := range []string{"encrypted_email", "transfer_meeting", "transfer_webinar", "transfer_recording",
		"transfer_whiteboard", "transfer_clipfiles", "transfer_notes", "transfer_visitors", "transfer_docs"} {
		if v := q.Get(name); v != "" && v != "true" && v != "false" {
			errs = append(errs, fieldError{Field: name, Message: msgInvalidField})
		}
	}
	if len(errs) > 0 {
		return validationResp(errs)
	}
	if u.RoleID == roleOwner || u.RoleID == roleAdmin {
		if action == "disassociate" {
			return errResp(http.StatusBadRequest, codeCannotDisassoc, msgCannotDisassocAdmin)
		}
		if u.RoleID == roleOwner {
			return errResp(http.StatusBadRequest, codeNoPermission, msgDeleteOwner)
		}
	}
	if u.Status == statusPending && action == "delete" && !c.profile.PendingDeleteAllowed {
		return errResp(http.StatusBadRequest, codeValidation, fmt.Sprintf(msgPendingDelete, c.params["userId"]))
	}
	var meetingsTo, webinarsTo *user
	if te := q.Get("transfer_email"); te != "" {
		if strings.EqualFold(te, u.Email) {
			return errResp(http.StatusBadRequest, codeValidation, msgTransferSame)
		}
		target := c.s.st.byEmail[strings.ToLower(te)]
		if target == nil || target.Status == statusPending {
			return userNotFound(te)
		}
		if q.Get("transfer_meeting") == "true" {
			meetingsTo = target
		}
		if q.Get("transfer_webinar") == "true" {
			webinarsTo = target
		}
	}
	// userDelete documents that API users (custCreate) cannot be unlinked (code 300) and that a user of a
	// managed domain cannot be disassociated (code 1107). autoCreate needs a managed domain, so the sandbox
	// counts the users it creates as managed-domain users.
	if action == "disassociate" && containsInt(u.LoginTypes, loginTypeAPIUser) {
		return errResp(http.StatusBadRequest, codeValidation, msgUnlinkAPIUser)
	}
	if action == "disassociate" && u.Action == "autoCreate" {
		return errResp(http.StatusBadRequest, codeManagedDomain, msgDisassocManaged)
	}
	// The user's meetings and webinars go with them unless transfer_meeting / transfer_webinar move them to
	// the transfer_email user.
	c.s.st.removeUserMeetings(u, meetingsTo)
	c.s.st.removeUserWebinars(u, webinarsTo)
	c.s.st.removeUserFromGroups(u)
	c.s.st.remove(u)
	c.s.dirty = true
	return noContent()
}

// ErrUserNotFound is returned by AcceptInvitation for an unknown user.
var ErrUserNotFound = errors.New("sandbox: user not found")

// ErrUserNotPending is returned by AcceptInvitation for a user who is not pending.
var ErrUserNotPending = errors.New("sandbox: user is not pending")

// AcceptInvitation does what an invited person does by accepting Zoom's invitation: the pending user named by ref
// (id or e-mail) becomes active and verified.
func (s *Server) AcceptInvitation(ref string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.st.findUserRef(ref, &s.profile)
	if u == nil {
		return ErrUserNotFound
	}
	if u.Status != statusPending {
		return ErrUserNotPending
	}
	u.Status = statusActive
	u.Verified = 1
	s.dirty = true
	s.persistLocked()
	return nil
}

// --- PUT /users/{userId}/status ----------------------------------------------

func (c *call) updateUserStatus() apiResponse {
	u, m, bad := c.userWrite()
	if bad != nil {
		return *bad
	}
	f := newFieldReader(m)
	action, _ := f.str("action", 0)
	switch action {
	case "activate", "deactivate", "clock_in", "clock_out":
	default:
		if !containsField(f.errors(), "action") {
			f.fail("action")
		}
	}
	if errs := f.errors(); len(errs) > 0 {
		return validationResp(errs)
	}
	if u.RoleID == roleOwner || u.RoleID == roleAdmin {
		return errResp(http.StatusBadRequest, codeNoPermission, msgAdminStatus)
	}
	if u.Status == statusPending {
		return errResp(http.StatusBadRequest, codeValidation, fmt.Sprintf(msgPendingStatus, c.params["userId"]))
	}
	switch action {
	case "activate":
		if u.Status != statusActive {
			u.Status = statusActive
			c.s.dirty = true
		}
	case "deactivate":
		if u.Status != statusInactive {
			u.Status = statusInactive
			c.s.dirty = true
		}
	}
	if c.profile.UserStatusSuccessCode == http.StatusOK {
		return apiResponse{status: http.StatusOK}
	}
	return noContent()
}

// --- PUT /users/{userId}/email -----------------------------------------------

func (c *call) updateUserEmail() apiResponse {
	u, m, bad := c.userWrite()
	if bad != nil {
		return *bad
	}
	f := newFieldReader(m)
	sent, has := f.str("email", 128)
	if (has && !validEmail(sent)) || (!has && !containsField(f.errors(), "email")) {
		f.fail("email")
	}
	if errs := f.errors(); len(errs) > 0 {
		return validationResp(errs)
	}
	email := c.profile.storedEmail(sent)
	if strings.EqualFold(email, u.Email) {
		if email != u.Email {
			c.s.st.changeEmail(u, email)
			c.s.dirty = true
		}
		return noContent()
	}
	if c.s.st.byEmail[strings.ToLower(email)] != nil {
		return errResp(http.StatusConflict, codeEmailUsed, emailUsed(sent))
	}
	if limit := c.profile.EmailChangesPerDay; limit >= 0 {
		recent := u.EmailChanges[:0:0]
		for _, t := range u.EmailChanges {
			if c.now.Sub(t) < 24*time.Hour {
				recent = append(recent, t)
			}
		}
		u.EmailChanges = recent
		if len(recent) >= limit {
			return errResp(http.StatusTooManyRequests, codeRateLimited, fmt.Sprintf(msgEmailChangeLimit, limit))
		}
	}
	c.s.st.changeEmail(u, email)
	u.EmailChanges = append(u.EmailChanges, c.now.UTC())
	c.s.dirty = true
	return noContent()
}

// --- GET /users/email ----------------------------------------------------------

func (c *call) checkEmail() apiResponse {
	email := c.query("email")
	if email == "" {
		return errResp(http.StatusBadRequest, codeValidation, msgEmailRequired)
	}
	u := c.s.st.byEmail[strings.ToLower(email)]
	return jsonResp(http.StatusOK, map[string]bool{"existed_email": u != nil && containsInt(u.LoginTypes, 100)})
}
