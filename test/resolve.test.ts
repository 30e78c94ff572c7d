import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';
import { claims } from './helpers/claims.js';

/** One test per resolution rule: canonical entity, coreference, type, nesting, floating quotes, hedges, unattributed. */
describe('resolution rules', () => {
  it('"the newspaper" refers back to the last media outlet', () => {
    const text = 'The Calder Gazette reported that the council had postponed the contract. The newspaper noted that the audit rated the bridge as fair.';
    expect(claims(text).map((c) => [c.source, c.type, c.mention])).toEqual([
      ['Calder Gazette', 'media', 'The Calder Gazette'],
      ['Calder Gazette', 'media', 'The newspaper'],
    ]);
  });

  it('"the American newspaper" needs no earlier mention of its nationality to find the outlet', () => {
    const text = 'The National Interest stated that the offensive began on November 27. The city fell within days, according to the American newspaper.';
    expect(claims(text).map((c) => c.source)).toEqual(['National Interest', 'National Interest']);
  });

  it('"he" and "the spokesman" refer back to the last compatible person', () => {
    const text = 'Jeff Rathke is the State Department spokesman. He said the talks would resume. The spokesman added that no date had been set.';
    expect(claims(text).map((c) => [c.source, c.mention])).toEqual([
      ['Jeff Rathke', 'He'],
      ['Jeff Rathke', 'The spokesman'],
    ]);
  });

  it('"she" and "he" refer back to a person of their gender, told by a first name or an honorific', () => {
    const said = (text: string) => claims(text).map((c) => [c.source, c.mention, c.cue]);
    expect(said('Maria Lopez said the bridge would open. Tom Hale disagreed. "It will not," he said. "It is unsafe," she said.')).toEqual([
      ['Maria Lopez', 'Maria Lopez', 'said'],
      ['Tom Hale', 'he', 'said'],
      ['Maria Lopez', 'she', 'said'],
    ]);
    expect(said('Mrs. Ruiz said the bridge would open. Mr. Hale said it would not. "It is unsafe," she said.').map((c) => c[0])).toEqual(['Ruiz', 'Hale', 'Ruiz']);
    // a recent subject the pronoun cannot mean is passed over for the one before it, even when not cited
    expect(said('Anna Holt spoke after Tom Hale. Hale himself admitted the vote was close. "We did not set conditions," she said.')).toEqual([
      ['Tom Hale', 'Hale', 'admitted'],
      ['Anna Holt', 'she', 'said'],
    ]);
  });

  it('a title refers back to the person an appositive gave it, never to a person given another role', () => {
    const spokesman = 'Ahmed Hafez, the ministry spokesman, said the embassy would reopen. The spokesman added that no date had been set.';
    expect(claims(spokesman).map((c) => [c.source, c.mention])).toEqual([
      ['Ahmed Hafez', 'Ahmed Hafez, the ministry spokesman'],
      ['Ahmed Hafez', 'The spokesman'],
    ]);
    const senator = 'Ahmed Hafez, the ministry spokesman, said the embassy would reopen. The senator said the hearing would resume.';
    expect(claims(senator).map((c) => [c.source, c.mention])).toEqual([
      ['Ahmed Hafez', 'Ahmed Hafez, the ministry spokesman'],
      ['senator', 'The senator'],
    ]);
  });

  it('"the council" refers back to the council named earlier, even though it was not cited there', () => {
    const text = 'Eastbrook City Council voted on Wednesday to add six night bus routes, a move the council says will cost 2.4 million pounds a year.';
    expect(claims(text).map((c) => [c.source, c.type, c.mention])).toEqual([['Eastbrook City Council', 'government', 'the council']]);
  });

  it('a long document finds a full name thousands of words back, through its index of words', () => {
    // far more than the 4,000 tokens walked back token by token; "Antunes" also stands alone in between
    const filler = Array.from({ length: 900 }, (_, i) => `Crews checked pier ${i} twice${i === 450 ? ' for Antunes' : ''}.`).join(' ');
    const text = `Porto Azul president Miguel Antunes met the crews on Monday. ${filler} Antunes said the pier was safe.`;
    expect(claims(text).map((c) => [c.source, c.mention])).toEqual([['Miguel Antunes', 'Antunes']]);
  });

  it('a lone name cited hundreds of times still finds the full name given after them, looking back only as far as its last look', () => {
    const many = Array.from({ length: 300 }, (_, i) => `Brafman said item ${i} was late.`).join(' ');
    const report = analyze(`${many}\n\nDefence lawyer Benjamin Brafman spoke to reporters.\n\nBrafman said the budget was short. "It is over," he said.`);
    expect(report.attributions).toHaveLength(302);
    expect(report.attributions.slice(-2).map((a) => [a.source.name, a.source.type, a.source.mention?.text])).toEqual([
      ['Brafman', 'organization', 'Brafman'],
      ['Benjamin Brafman', 'person', 'he'],
    ]);
  });

  it('a longer name finds the shorter one it holds through any of its words, among thousands sharing the commonest', () => {
    const many = Array.from({ length: 2_000 }, (_, i) => `Ann Wu${i} said item ${i} was late.`).join(' ');
    const report = analyze(`${many} Ann Lee said the plan was late. Ann Lee Park added that the vote would wait.`);
    expect(report.sources).toHaveLength(2_001);
    expect(report.attributions.slice(-2).map((a) => a.source.name)).toEqual(['Ann Lee', 'Ann Lee']);
    // a name of one word repeated is found through that word alone
    const twice = analyze('Sirhan Sirhan said the parole board was unfair. Sirhan Bishara Sirhan told reporters that he was sorry.');
    expect(twice.attributions.map((a) => a.source.name)).toEqual(['Sirhan Sirhan', 'Sirhan Sirhan']);
  });

  it('a surname alone resolves to the full name', () => {
    const text = 'Fuad Basya, a military spokesman, said a warship was deployed. Basya said the rescue took six hours.';
    const report = analyze(text);
    expect(report.attributions.map((a) => a.source.name)).toEqual(['Fuad Basya', 'Fuad Basya']);
    expect(report.sources).toEqual([
      {
        id: report.sources[0].id,
        name: 'Fuad Basya',
        type: 'person',
        mentions: [
          { start: 0, end: 32, text: 'Fuad Basya, a military spokesman' },
          { start: 63, end: 68, text: 'Basya' },
        ],
      },
    ]);
  });

  it('a name\'s people are not the name, while what it owns or issues speaks for it', () => {
    expect(claims('Senator Ruth Hale\'s advisers said the race was close. Hale\'s campaign said the poll was wrong.').map((c) => [c.source, c.type])).toEqual([
      ["Senator Ruth Hale's advisers", 'anonymous'],
      ['Ruth Hale', 'person'],
    ]);
    // nor is a name looked up among descriptions that hold its words
    expect(claims("Ana Maria Ruiz's political allies predicted a landslide. Maria Ruiz said it was too early to celebrate.").map((c) => c.source)).toEqual([
      "Ana Maria Ruiz's political allies",
      'Maria Ruiz',
    ]);
  });

  it('the place a document covers is not its source; a body named in or after it is', () => {
    const sourceOf = (text: string) => claims(text).map((c) => c.source);
    expect(sourceOf('A CNN poll of South Dakota taken on Monday said that the governor led.')).toEqual(['CNN']);
    expect(sourceOf('A poll of South Dakota taken on Monday said that the governor led.')).toEqual(['poll of South Dakota']);
    expect(sourceOf('The results of the National Nutrition Study found that most children lack iodine.')).toEqual(['National Nutrition Study']);
    expect(sourceOf('The results of the inquiry by the Harbor Commission said that the pier was unsafe.')).toEqual(['Harbor Commission']);
  });

  it('an acronym in brackets becomes an alias of the name before it', () => {
    const text = 'The World Health Organization (WHO) recommends a second trial. WHO says a larger study is under way.';
    expect(claims(text).map((c) => [c.source, c.type])).toEqual([
      ['World Health Organization', 'organization'],
      ['World Health Organization', 'organization'],
    ]);
  });

  it('titles are dropped from the canonical name and mark a person', () => {
    expect(claims("Malaysia's Prime Minister, Najib Razak said the navy would help.").map((c) => [c.source, c.type, c.mention])).toEqual([
      ['Najib Razak', 'person', "Malaysia's Prime Minister, Najib Razak"],
    ]);
  });

  it('"of" and a place after a titled name is where the person comes from: the surname alone refers back to them', () => {
    expect(claims('Sen. Ana Ruiz of New Mexico said the bill was dead. Ruiz said it would not return.').map((c) => [c.source, c.mention])).toEqual([
      ['Ana Ruiz', 'Sen. Ana Ruiz of New Mexico'],
      ['Ana Ruiz', 'Ruiz'],
    ]);
  });

  it('a title inside a name drops what qualifies it: "New Jersey Gov. X", "Party Committee Chairman X"', () => {
    expect(claims('Calder County Gov. Nadia Brandt said the roads would close. Brandt said they would reopen in May.').map((c) => [c.source, c.type])).toEqual([
      ['Nadia Brandt', 'person'],
      ['Nadia Brandt', 'person'],
    ]);
    expect(claims('Harbor Party National Committee Chairman Omar Farah said the vote was fair.').map((c) => c.source)).toEqual(['Omar Farah']);
    // a qualifier is no title before a name, and a headline's "President On X" no name
    expect(claims('The Calder Health Security Act says the clinics must stay open.').map((c) => c.source)).toEqual(['Calder Health Security Act']);
  });

  it('a pronoun that fits no cited person refers to a lone name nothing typed, else stands for an unnamed person', () => {
    expect(claims('Brafman said the case was weak. He added that the judge had erred.').map((c) => [c.source, c.type, c.mention])).toEqual([
      ['Brafman', 'person', 'Brafman'],
      ['Brafman', 'person', 'He'],
    ]);
    // not a lone name that is a cited person's surname, and no later pronoun refers back to an unnamed stand-in
    expect(claims('Ana Ruiz said the port would close. The meeting ended late. He said the plan was dead. They said talks would go on.').map((c) => [c.source, c.type])).toEqual([
      ['Ana Ruiz', 'person'],
      ['unnamed man', 'anonymous'],
      ['unnamed sources', 'anonymous'],
    ]);
  });

  it('a word before a full name that is no part of it is dropped; a reporting verb ends a name in a title-case headline', () => {
    expect(claims('Billionaire Nadia Brandt said the port would be sold. Brandt said the buyer was local.').map((c) => c.source)).toEqual(['Nadia Brandt', 'Nadia Brandt']);
    // initials and places stay part of the name
    expect(claims('E. J. Fleming said the port would be sold.').map((c) => c.source)).toEqual(['E. J. Fleming']);
    const headline = 'Nadia Brandt Endorses Omar Farah: A Leader We Need.\n\nNadia Brandt backed Omar Farah on Monday, saying he is "the leader we need."\n\n"He has fought for the port," she said.';
    expect(claims(headline).map((c) => c.source).slice(1)).toEqual(['Nadia Brandt', 'Nadia Brandt']);
  });

  it('outlets and pollsters the lexicon lists by name keep their type, whatever their first word', () => {
    expect(claims('The Orlando Sentinel reported that the count had stopped. Gallup said the race was tight.').map((c) => [c.source, c.type])).toEqual([
      ['Orlando Sentinel', 'media'],
      ['Gallup', 'organization'],
    ]);
  });

  it('two names joined by "and" in one run are two people: "they" refers to them, "she" does not', () => {
    expect(claims('Ruiz and Farah often blame the council for the delays. They said the plan would fail. She said it would work.').map((c) => [c.source, c.mention])).toEqual([
      ['Ruiz and Farah', 'Ruiz and Farah'],
      ['Ruiz and Farah', 'They'],
      ['unnamed woman', 'She'],
    ]);
  });

  it('a pronoun never refers back to what only a cue with no mention stood for ("reportedly")', () => {
    expect(claims('The minister reportedly resigned on Monday. They said the talks had failed.').map((c) => [c.source, c.mention])).toEqual([
      ['reports', null],
      ['unnamed sources', 'They'],
    ]);
  });

  it('types: government, media, document, anonymous, vague', () => {
    const text = [
      'The Home Office said the scheme would close.',
      'Sky News reported that the scheme had cost 2 million pounds.',
      'The leaked letter says the scheme failed.',
      'Well-informed diplomatic sources said the minister had left.',
      'Critics argue that the scheme was rushed.',
    ].join(' ');
    expect(claims(text).map((c) => [c.source, c.type])).toEqual([
      ['Home Office', 'government'],
      ['Sky News', 'media'],
      ['leaked letter', 'document'],
      ['Well-informed diplomatic sources', 'anonymous'],
      ['Critics', 'vague'],
    ]);
  });

  it('the writer and the reader speak only in the per-cue view, and what the writer says stays unattributed', () => {
    const text = [
      'I know the bridge was inspected in March.',
      '"We will reopen it soon," Mayor Ruth Hale said.',
      '"I believe the repairs will last," she added.',
      'You may think the ferry is enough.',
    ].join(' ');
    const perCue = analyze(text, { units: 'attributions' });
    const name = (id: string) => perCue.sources.find((s) => s.id === id)?.name;
    expect(perCue.attributions.map((a) => [name(a.source.id), a.source.mention?.text ?? null, a.cue?.text, a.content.text])).toEqual([
      ['the writer', 'I', 'know', 'the bridge was inspected in March'],
      ['Ruth Hale', 'Mayor Ruth Hale', 'said', '"We will reopen it soon,"'],
      ['Ruth Hale', 'she', 'added', '"I believe the repairs will last,"'],
      ['the reader', 'You', 'may think', 'the ferry is enough'],
    ]);
    expect(claims(text).map((c) => c.source)).toEqual(['Ruth Hale', 'Ruth Hale']);
    const unattributed = (units: 'claims' | 'attributions') => analyze(text, { units }).unattributed.map((u) => u.text);
    expect(unattributed('attributions')).toEqual(unattributed('claims'));
    expect(unattributed('claims')).toContain('I know the bridge was inspected in March.');
    // nor does a description refer back to the writer
    expect(claims('I think the strike is over. The spokesman said the talks would resume.', { units: 'attributions' }).map((c) => c.source)).toEqual(['the writer', 'spokesman']);
  });

  it('a group counted loosely is vague, a counted one is not', () => {
    const text = 'Many residents fear the closure will hurt shops. Residents say the ferry is full. Some 40 drivers said the detour adds an hour.';
    expect(claims(text).map((c) => [c.source, c.type])).toEqual([
      ['Many residents', 'vague'],
      ['Residents', 'anonymous'],
      ['40 drivers', 'anonymous'],
    ]);
  });

  it('nested attribution: the inner source, reported via the outer one', () => {
    expect(claims('According to AFP, the United Nations criticised the policy.').map((c) => [c.source, c.cue, c.via])).toEqual([
      ['AFP', 'According to', []],
      ['United Nations', 'criticised', ['AFP']],
    ]);
  });

  it('coordinated sources each get the claim', () => {
    expect(claims('The United Nations and the United States criticised the decision.').map((c) => c.source)).toEqual(['United Nations', 'United States']);
  });

  it('a verb inside the paraphrase of another is not a separate claim, but an attribution reported via the outer one', () => {
    expect(claims('The authors say the results confirm a national deficiency.').map((c) => [c.source, c.cue])).toEqual([['authors', 'say']]);
    const text = 'The minister said that since experts warned of shortages, the plan had changed.';
    expect(claims(text).map((c) => [c.source, c.cue])).toEqual([['minister', 'said']]);
    expect(claims(text, { units: 'attributions' }).map((c) => [c.source, c.cue, c.via])).toEqual([
      ['minister', 'said', []],
      ['experts', 'warned', ['minister']],
    ]);
  });

  it('of two cues inside each other\'s content, the first frames the second; neither claim is lost', () => {
    expect(claims('Hale told reporters that the plan was dead and that, in the words of her deputy, the council had wasted a year.').map((c) => [c.source, c.cue])).toEqual([['Hale', 'told']]);
  });

  it('a quotation running over paragraphs is one attribution, and a claim per sentence with the cue that opened it', () => {
    const text = 'Dr. Amina Sesay said, "We checked it three times.\n\n"We had not made a mistake."';
    expect(claims(text, { units: 'attributions' })).toMatchObject([{ source: 'Amina Sesay', content: '"We checked it three times.\n\n"We had not made a mistake."', kind: 'direct' }]);
    expect(claims(text).map((c) => [c.source, c.cue, c.kind, c.content])).toEqual([
      ['Amina Sesay', 'said', 'direct', '"We checked it three times.'],
      ['Amina Sesay', 'said', 'direct', '"We had not made a mistake."'],
    ]);
  });

  it('a quotation with no cue continues the last speaker', () => {
    const text = 'Dr. Amina Sesay said the results were strong.\n\n"We checked it three times."';
    expect(claims(text)).toMatchObject([
      { source: 'Amina Sesay', cue: 'said', kind: 'indirect' },
      { source: 'Amina Sesay', cue: null, content: '"We checked it three times."', kind: 'direct', pattern: 'floating' },
    ]);
  });

  it('a second quotation right after an attributed one continues its speaker', () => {
    const text = '"We will not reopen it," said Marta Ellison. "Every cable will be tested twice."';
    expect(claims(text).map((c) => [c.source, c.cue, c.content])).toEqual([
      ['Marta Ellison', 'said', '"We will not reopen it,"'],
      ['Marta Ellison', null, '"Every cable will be tested twice."'],
    ]);
  });

  it('mixed: part of the content is quoted', () => {
    expect(claims('The mayor said the closure was "an inconvenience, not a scandal" for the city.')).toMatchObject([{ kind: 'mixed' }]);
  });

  it('hedges are marked, and a capitalised month is not one', () => {
    expect(claims('The minister said the vaccine could possibly be approved next year.')).toMatchObject([{ hedged: true }]);
    expect(analyze('The minister said the vaccine could possibly be approved next year.').attributions[0].hedges).toEqual(['could', 'possibly']);
    expect(claims('The minister said the talks resume in May.')).toMatchObject([{ hedged: false }]);
  });

  it('a vague cue gives way to the named source of the same sentence, and stays an attribution of its own', () => {
    const text = 'Reports indicate that "the brother left for Baghdad," said the American newspaper.';
    expect(claims(text).map((c) => c.source)).toEqual(['American newspaper']);
    const besides = 'It was reported that the talks had stalled, but the director said they would resume.';
    expect(claims(besides).map((c) => c.source)).toEqual(['director']);
    expect(claims(besides, { units: 'attributions' }).map((c) => [c.source, c.cue])).toEqual([
      ['reports', 'was reported'],
      ['director', 'said'],
    ]);
  });

  it('lists checkable sentences that cite no one, and leaves attributed ones out', () => {
    const text = 'Bridge Closure\n\nThe bridge opened in 1987 and carries about 60,000 vehicles a day. The authority said the bridge would reopen in May. Is it safe?';
    const report = analyze(text);
    expect(report.unattributed.map((u) => u.text)).toEqual(['The bridge opened in 1987 and carries about 60,000 vehicles a day.']);
  });
});

describe('report units', () => {
  const view = (text: string, units: 'claims' | 'attributions') => claims(text, { units }).map((c) => [c.source, c.cue, c.kind, c.content]);

  it('a quotation interrupted by its cue is one entry per sentence as claims, one whole attribution per cue', () => {
    const text = 'The council met on Monday. “This is a disgusting day,” said Tom Hale, head of the caucus. “The mayor is a fraud. By any definition he is.”\n\n“We will fight on.”';
    expect(view(text, 'claims')).toEqual([
      ['Tom Hale', 'said', 'direct', '“This is a disgusting day,”'],
      ['Tom Hale', null, 'direct', '“The mayor is a fraud.'],
      ['Tom Hale', null, 'direct', 'By any definition he is.”'],
      ['Tom Hale', null, 'direct', '“We will fight on.”'],
    ]);
    // the next paragraph's quotation continues the speaker, but PolNeAR gives it an attribution of its own
    expect(view(text, 'attributions')).toEqual([
      ['Tom Hale', 'said', 'direct', '“This is a disgusting day,” said Tom Hale, head of the caucus. “The mayor is a fraud. By any definition he is.”'],
      ['Tom Hale', null, 'direct', '“We will fight on.”'],
    ]);
    const report = analyze(text, { units: 'attributions' });
    expect(report.units).toBe('attributions');
    expect(text.slice(report.attributions[0].sentence.start, report.attributions[0].sentence.end)).toBe('“This is a disgusting day,” said Tom Hale, head of the caucus. “The mayor is a fraud. By any definition he is.”');
  });

  it('a quotation that a paraphrase opens is a claim per sentence, each of its own kind, and one mixed attribution', () => {
    const text = 'Hale said the delay was “a disgrace. We have no money left. Nobody told us.”';
    expect(view(text, 'claims')).toEqual([
      ['Hale', 'said', 'mixed', 'the delay was “a disgrace.'],
      ['Hale', 'said', 'direct', 'We have no money left.'],
      ['Hale', 'said', 'direct', 'Nobody told us.”'],
    ]);
    expect(view(text, 'attributions')).toEqual([['Hale', 'said', 'mixed', 'the delay was “a disgrace. We have no money left. Nobody told us.”']]);
    // a closing mark the sentence splitter left on its own is no claim
    expect(view('Hale said, "We tried. We failed. "', 'claims').map((c) => c[3])).toEqual(['"We tried.', 'We failed.']);
  });

  it('a paraphrase that a quotation carries on is a mixed attribution', () => {
    expect(view('Hale said that the plan was late. “We have no money.”', 'attributions')).toEqual([['Hale', 'said', 'mixed', 'that the plan was late. “We have no money.”']]);
  });

  it('one source with two cues in a sentence is one claim, and two attributions', () => {
    const text = 'Hale said the plan was late and added that the budget was short.';
    expect(view(text, 'claims')).toEqual([['Hale', 'said', 'indirect', 'the plan was late and added that the budget was short']]);
    expect(view(text, 'attributions').map(([source, cue]) => [source, cue])).toEqual([
      ['Hale', 'said'],
      ['Hale', 'added'],
    ]);
    expect(analyze(text).units).toBe('claims');
  });

  it('an attribution whose source opens another one\'s content is nested in it, and PolNeAR marks only the outer one', () => {
    const text = 'Stein said she plans to join the protest.';
    expect(view(text, 'attributions')).toEqual([['Stein', 'said', 'indirect', 'she plans to join the protest']]);
    expect(view(text, 'claims')).toEqual([['Stein', 'said', 'indirect', 'she plans to join the protest']]);
  });
});
