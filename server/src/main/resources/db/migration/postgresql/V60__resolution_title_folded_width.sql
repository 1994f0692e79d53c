-- A title of 500 characters can fold to 1,500 (a Hangul syllable decomposes into three letters, which folding keeps):
-- title_folded must hold that much, or the resolutions projection stops on such a title.
ALTER TABLE resolution_view ALTER COLUMN title_folded SET DATA TYPE VARCHAR(1500);
