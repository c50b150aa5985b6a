-- 1.1: a needed amount is rounded up everywhere: the score a firm needs and its gap (when a
-- class threshold has more decimals than the rule set's score_digits), and the tax it
-- needs (exact 分 in the column, 0.01万元 up in the sentence).  Objects evaluation_needed_*.
INSERT INTO evaluation_scheme (code, year, scope, jurisdiction, source, classification)
VALUES ('evaltest_needed', 2023, 'all', 'test', 'test', 'threshold');
INSERT INTO evaluation_indicator (code, year, scope, indicator, weight, benchmark)
VALUES ('evaltest_needed', 2023, 'all', 'tax_per_mu', 100, 10);
-- A from 150.0004 points: with 3 score digits the firm needs 150.001, not 150.000
INSERT INTO evaluation_class (code, year, scope, position, class, label, min_score)
VALUES ('evaltest_needed', 2023, 'all', 1, 'A', 'A类', 150.0004),
	('evaltest_needed', 2023, 'all', 2, 'B', 'B类', NULL);
CREATE TABLE evaluation_needed_firm (credit_code text, land mu_area, tax yuan);
-- 亩均税收 14万元/亩 scores 140 points; 15.00004万元/亩 reaches A
INSERT INTO evaluation_needed_firm VALUES ('N1', '1亩', '14万元'), ('N2', '3亩', '42.00001万元');
SELECT credit_code, class, total, next_class, score_needed, score_gap, tax_needed, explanation
FROM evaluation_gap('evaltest_needed', 2023, 'SELECT * FROM evaluation_needed_firm') ORDER BY credit_code;
-- the needed tax reaches the class; one 分 less does not
SELECT g.credit_code, e1.class AS with_needed, e0.class AS one_fen_less
FROM evaluation_gap('evaltest_needed', 2023, 'SELECT * FROM evaluation_needed_firm') g
CROSS JOIN LATERAL (SELECT class FROM evaluate('evaltest_needed', 2023,
	format('SELECT credit_code, land, tax + %L::yuan AS tax FROM evaluation_needed_firm WHERE credit_code = %L',
		   g.tax_needed, g.credit_code))) e1
CROSS JOIN LATERAL (SELECT class FROM evaluate('evaltest_needed', 2023,
	format('SELECT credit_code, land, tax + %L::yuan - ''0.01元''::yuan AS tax FROM evaluation_needed_firm WHERE credit_code = %L',
		   g.tax_needed, g.credit_code))) e0
WHERE g.tax_needed IS NOT NULL ORDER BY g.credit_code;
DROP TABLE evaluation_needed_firm;
DELETE FROM evaluation_class WHERE code = 'evaltest_needed';
DELETE FROM evaluation_indicator WHERE code = 'evaltest_needed';
DELETE FROM evaluation_scheme WHERE code = 'evaltest_needed';
