-- smoke
CREATE TABLE evaluation_firms (credit_code text, scope text, land mu_area, tax yuan,
	value_added yuan, energy_tce numeric, emission_t numeric, employees numeric,
	rd yuan, main_revenue yuan, electricity numeric);
INSERT INTO evaluation_firms VALUES
	('A1', '规上', '10亩', '300万元', '1500万元', 750, 0.5, 75, '350万元', '10000万元', NULL),
	('B1', '规下', '10亩', '120万元', NULL, NULL, NULL, NULL, NULL, NULL, 600);
SELECT credit_code, status, total, rank, group_size, class, label, reason,
	tax_per_mu, tax_per_mu_score, va_per_emission_score, tax_per_kwh, tax_per_kwh_score
FROM evaluate('huangyan', 2022, 'SELECT * FROM evaluation_firms');
SELECT * FROM evaluation_explain('huangyan', 2022, 'SELECT * FROM evaluation_firms');
SELECT * FROM evaluation_gap('huangyan', 2022, 'SELECT * FROM evaluation_firms');
SELECT * FROM evaluation_distribution('huangyan', 2022, 'SELECT * FROM evaluation_firms');
DROP TABLE evaluation_firms;
