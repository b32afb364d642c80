package sandbox

import (
	"net/http"
	"strconv"
	"time"
)

// pageTokenLifetime is how long a next_page_token stays valid (sandbox clock).
const pageTokenLifetime = 15 * time.Minute

// pageCursor is what a next_page_token stands for. Tokens are opaque random
// strings kept in memory; they do not survive a restart.
type pageCursor struct {
	list     string // the list and its filters; a token only works for the same list
	afterSeq int64  // the next page starts after this record
	page     int    // page number of the page the token returns
	issued   time.Time
}

// pageMeta is the pagination envelope of Zoom list responses.
type pageMeta struct {
	NextPageToken string `json:"next_page_token"`
	PageCount     int    `json:"page_count"`
	PageNumber    int    `json:"page_number"`
	PageSize      int    `json:"page_size"`
	TotalRecords  int    `json:"total_records"`
}

// paginate selects the page [lo, hi) of a list whose records have the
// ascending sequence numbers seqs. It reads page_size (clamped to maxSize),
// next_page_token and the legacy page_number from the query, and issues the
// next token. listKey must identify the list and every filter.
func (c *call) paginate(listKey string, seqs []int64, defSize, maxSize int) (lo, hi int, meta pageMeta, bad *apiResponse) {
	return c.paginateWith(listKey, seqs, defSize, maxSize, true)
}

// paginateWith is paginate; with tokens false the list pages by page_number only, as an operation whose
// parameters document no next_page_token (webinars): a next_page_token in the query is ignored like any
// undocumented parameter, and the answer's next_page_token stays "" so that no client is invited to use one.
func (c *call) paginateWith(listKey string, seqs []int64, defSize, maxSize int, tokens bool) (lo, hi int, meta pageMeta, bad *apiResponse) {
	size := defSize
	if v := c.query("page_size"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return 0, 0, meta, ptr(validationResp([]fieldError{{Field: "page_size", Message: msgInvalidField}}))
		}
		if n > 0 {
			size = n
		}
	}
	if size > maxSize {
		size = maxSize
	}
	page := 1
	s := c.s
	if tok := c.query("next_page_token"); tok != "" && tokens {
		cur, ok := s.pageTokens[tok]
		if !ok || cur.list != listKey || c.now.Sub(cur.issued) > pageTokenLifetime || c.now.Before(cur.issued) {
			return 0, 0, meta, ptr(errResp(http.StatusBadRequest, codeValidation, msgPageTokenInvalid))
		}
		for lo < len(seqs) && seqs[lo] <= cur.afterSeq {
			lo++
		}
		page = cur.page
	} else if v := c.query("page_number"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return 0, 0, meta, ptr(validationResp([]fieldError{{Field: "page_number", Message: msgInvalidField}}))
		}
		page = n
		lo = (n - 1) * size
		if lo > len(seqs) {
			lo = len(seqs)
		}
	}
	hi = lo + size
	if hi > len(seqs) {
		hi = len(seqs)
	}
	meta = pageMeta{
		PageNumber:   page,
		PageSize:     size,
		TotalRecords: len(seqs),
		PageCount:    (len(seqs) + size - 1) / size,
	}
	if hi < len(seqs) && tokens {
		for k, cur := range s.pageTokens {
			if c.now.Sub(cur.issued) > pageTokenLifetime {
				delete(s.pageTokens, k)
			}
		}
		tok := randomBase62(35)
		s.pageTokens[tok] = pageCursor{list: listKey, afterSeq: seqs[hi-1], page: page + 1, issued: c.now}
		meta.NextPageToken = tok
	}
	return lo, hi, meta, nil
}
