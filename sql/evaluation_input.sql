-- How the engine reads numbers (kit_scaled): a numeric input is read at the engine's
-- precision (land and quantities 10^-6 of their unit, money 分), rounded half away from
-- zero (四舍五入) on the first digit dropped, and a value beyond int64 at that precision is
-- reported on the firm's row (status error), never rounded into range.  Rule set: the
-- shipped huangyan 2022 规下 list (亩均税收 and 单位电耗税收).

-- land: the value read is shown in the land column (亩, 10^-6)
SELECT credit_code, status, land, reason
FROM evaluate('huangyan', 2022, $$
	SELECT v.credit_code, '规下' AS scope, v.land, 1200000 AS tax, 600 AS electricity
	FROM (VALUES ('L-01-half-up', 3.0000005::numeric),
		('L-02-below-half', 3.00000049999999999999),
		('L-03-integer', 12),
		('L-04-trailing-zeros', 12.500000000000000000),
		('L-05-tiny', 0.000000000000000000000000000001),
		('L-06-max', 9223372036854.775807),
		('L-07-max-rounded-down', 9223372036854.7758074999),
		('L-08-max-rounded-up', 9223372036854.7758075),
		('L-09-huge', 123456789012345678901234567890.5),
		('L-10-nan', 'NaN'),
		('L-11-minus-infinity', '-Infinity')) v(credit_code, land)$$)
ORDER BY credit_code;

-- negative values: half away from zero downwards, the int64 minimum itself in range
SELECT credit_code, status, land, reason
FROM evaluate('huangyan', 2022, $$
	SELECT v.credit_code, '规下' AS scope, v.land, 1200000 AS tax, 600 AS electricity
	FROM (VALUES ('N-1-half-down', -0.0000005::numeric),
		('N-2-below-half', -0.00000049),
		('N-3-min', -9223372036854.775808),
		('N-4-min-rounded-down', -9223372036854.7758085),
		('N-5-zero-scaled', -0.000000)) v(credit_code, land)$$)
ORDER BY credit_code;

-- money at 分: 0.005元 is read as 1分, 0.00499元 as 0; tax over 1亩 shows it in 万元/亩
-- (1分 = 0.000001万元); float8 inputs go through their exact decimal
SELECT credit_code, status, tax_per_mu, tax_per_kwh, reason
FROM evaluate('huangyan', 2022, $$
	SELECT v.credit_code, '规下' AS scope, 1 AS land, v.tax, v.electricity
	FROM (VALUES ('M-1', 0.005::numeric, 1::float8), ('M-2', 0.00499, 0.5),
		('M-3', -0.005, 0.0000005), ('M-4', 92233720368547758.07, 1),
		('M-5', 92233720368547758.075, 1)) v(credit_code, tax, electricity)$$)
ORDER BY credit_code;
