#!/usr/bin/env python3
"""A customer master of realistic, unlisted party names for `clearance screen` at scale.

    bench/screening/million.py OUT.csv [COUNT=1000000] [SEED=15]

Writes id,name,country,type. Every name is recombined from the 50,000 synthetic negatives
(tests/Clearance.Tests/Data/negatives_global_names.csv is the name column of bench/data/negatives_global.csv, which
also carries given, middle and family names and a nationality): half are people (a given name, sometimes a middle
name, and a family name drawn from negatives of the same nationality written in the same script, so scripts and naming
customs stay together), half are companies (one or two Latin-script family names of one nationality with a trade word
and the legal form used in that country, sometimes a city first). The same COUNT and SEED always give the same file.
"""
import csv
import random
import sys
from collections import defaultdict
from pathlib import Path

root = Path(__file__).resolve().parents[2]
out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 15)

def script(name):
    """'latin', or the 128-code-point block of the first letter outside Latin (Devanagari, Arabic, Han ...)."""
    for c in name:
        if c.isalpha() and ord(c) >= 0x250:
            return ord(c) >> 7
    return "latin"


people = defaultdict(lambda: {"first": [], "middle": [], "last": [], "city": []})
with open(root / "bench/data/negatives_global.csv", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        pool = people[(row["nationality"], script(row["full_name"]))]
        pool["first"].append(row["first_name"])
        pool["last"].append(row["last_name"])
        if row["middle_name"]:
            pool["middle"].append(row["middle_name"])
        if row["place_of_birth"]:
            pool["city"].append(row["place_of_birth"])
groups = sorted((k for k, p in people.items() if p["first"] and p["last"]), key=str)
latin = [k for k in groups if k[1] == "latin"]

# ISO codes for the nationalities the negatives use most; others screen without a country.
iso = {"China": "CN", "Russia": "RU", "Iran": "IR", "India": "IN", "Pakistan": "PK", "Germany": "DE", "France": "FR",
       "United States": "US", "United Kingdom": "GB", "Japan": "JP", "South Korea": "KR", "Brazil": "BR", "Mexico": "MX",
       "Turkey": "TR", "Egypt": "EG", "Nigeria": "NG", "Indonesia": "ID", "Vietnam": "VN", "Iraq": "IQ", "Syria": "SY",
       "Spain": "ES", "Italy": "IT", "Chile": "CL", "Argentina": "AR", "Ethiopia": "ET", "Bangladesh": "BD",
       "Afghanistan": "AF", "Ukraine": "UA", "Poland": "PL", "Canada": "CA", "Australia": "AU", "Saudi Arabia": "SA"}
legal = {"DE": ["GmbH", "AG", "GmbH & Co. KG"], "FR": ["SARL", "SAS", "SA"], "RU": ["OOO", "AO", "PAO"],
         "CN": ["Co., Ltd.", "Technology Co., Ltd.", "Trading Co., Ltd."], "JP": ["K.K.", "Co., Ltd."],
         "BR": ["Ltda.", "S.A."], "MX": ["S.A. de C.V.", "S. de R.L."], "ES": ["S.L.", "S.A."], "IT": ["S.r.l.", "S.p.A."],
         "PL": ["Sp. z o.o.", "S.A."], "TR": ["A.Ş.", "Ltd. Şti."], "IN": ["Pvt. Ltd.", "Limited"], "US": ["Inc.", "LLC", "Corp."],
         "GB": ["Ltd", "PLC", "LLP"], "UA": ["TOV", "PrAT"], "ID": ["PT", "Tbk"], "IR": ["Co.", "Company"], "KR": ["Co., Ltd."]}
trades = ["Trading", "Logistics", "Electronics", "Engineering", "Industries", "Holdings", "Systems", "Technologies",
          "Import Export", "Components", "Semiconductors", "Shipping", "Machinery", "Supply", "Solutions", "Computing",
          "Instruments", "Networks", "Materials", "Precision", "Distribution", "Data Services", "Automation", "Optics"]

with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "name", "country", "type"])
    for i in range(1, count + 1):
        person = i % 2 == 1
        group = rng.choice(groups if person else latin)
        pool = people[group]
        country = iso.get(group[0], "")
        if person:
            parts = [rng.choice(pool["first"])]
            if pool["middle"] and rng.random() < 0.3:
                parts.append(rng.choice(pool["middle"]))
            parts.append(rng.choice(pool["last"]))
            w.writerow([f"P{i}", " ".join(parts), country, "individual"])
        else:
            stem = rng.choice(pool["last"])
            if rng.random() < 0.25:
                stem += (" & " if rng.random() < 0.5 else " ") + rng.choice(pool["last"])
            if pool["city"] and rng.random() < 0.2:
                stem = rng.choice(pool["city"]) + " " + stem
            form = rng.choice(legal.get(country, ["Ltd", "Company", "Group"]))
            name = f"{form} {stem} {rng.choice(trades)}" if form in ("PT", "OOO", "AO", "PAO", "TOV", "PrAT") else f"{stem} {rng.choice(trades)} {form}"
            w.writerow([f"C{i}", name, country, "entity"])
